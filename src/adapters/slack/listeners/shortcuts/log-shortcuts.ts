import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { CallbackId } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { openLogForm } from '../support/open-forms.js';

/**
 * "Log an interaction" from anywhere (global shortcut) and "Log as interaction" on a message
 * (F6). Both open the log form straight after the ack. For a message, the text comes from the
 * payload and the permalink is fetched at submission, so nothing delays views.open.
 */
export function registerLogShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<GlobalShortcut>(
    { callback_id: CallbackId.logShortcut, type: 'shortcut' },
    async ({ ack, shortcut, client, context }) => {
      await ack();
      await openLogForm(client, shortcut.trigger_id, tenantOf(context), deps);
    },
  );

  app.shortcut<MessageShortcut>(
    { callback_id: CallbackId.logMessageShortcut, type: 'message_action' },
    async ({ ack, shortcut, client, context }) => {
      await ack();
      const channelId = shortcut.channel.id;
      const text = typeof shortcut.message.text === 'string' ? shortcut.message.text : '';
      await openLogForm(client, shortcut.trigger_id, tenantOf(context), deps, {
        description: text,
        channelId,
        message: { channelId, ts: shortcut.message.ts ?? shortcut.message_ts },
      });
    },
  );
}
