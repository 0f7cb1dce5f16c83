import type {
  AllMiddlewareArgs,
  GlobalShortcut,
  MessageShortcut,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { openLogForm } from '../support/open-forms.js';

/**
 * "Log an interaction" from anywhere (global shortcut) and "Log as interaction" on a message
 * (F6). Both open the log form straight after the ack. For a message, the text comes from the
 * payload and the permalink is fetched at submission, so nothing delays views.open.
 */
type ShortcutArgs<S extends GlobalShortcut | MessageShortcut> = SlackShortcutMiddlewareArgs<S> &
  AllMiddlewareArgs;

/** The global shortcut: an empty log form. */
export async function onLogShortcut(
  { ack, shortcut, client, context }: ShortcutArgs<GlobalShortcut>,
  deps: SlackDeps,
): Promise<void> {
  await ack();
  await openLogForm(client, shortcut.trigger_id, tenantOf(context), deps);
}

/** The message shortcut: the log form prefilled with the message, its channel and link. */
export async function onLogMessageShortcut(
  { ack, shortcut, client, context }: ShortcutArgs<MessageShortcut>,
  deps: SlackDeps,
): Promise<void> {
  await ack();
  const channelId = shortcut.channel.id;
  const text = typeof shortcut.message.text === 'string' ? shortcut.message.text : '';
  await openLogForm(client, shortcut.trigger_id, tenantOf(context), deps, {
    description: text,
    channelId,
    message: { channelId, ts: shortcut.message.ts ?? shortcut.message_ts },
  });
}
