import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerLogShortcuts } from './log-shortcuts.js';

export function registerShortcutListeners(app: App, deps: SlackDeps): void {
  registerLogShortcuts(app, deps);
}
