import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { CallbackId } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { onLogMessageShortcut, onLogShortcut } from './log.js';

export function registerShortcutListeners(app: App, deps: SlackDeps): void {
  app.shortcut<GlobalShortcut>({ callback_id: CallbackId.logShortcut, type: 'shortcut' }, (args) =>
    onLogShortcut(args, deps),
  );
  app.shortcut<MessageShortcut>(
    { callback_id: CallbackId.logMessageShortcut, type: 'message_action' },
    (args) => onLogMessageShortcut(args, deps),
  );
}
