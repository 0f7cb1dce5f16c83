import type { WebClient } from '@slack/web-api';
import type { Interaction } from '../../../../core/interactions/interaction.js';
import type { LogInteractionResult } from '../../../../core/interactions/interaction.service.js';
import { hasFollowUp, presentReminder } from '../../../../core/views/follow-up-view.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { context, type RenderOptions, type SlackMessage } from '../../blocks/block-kit.js';
import { followUpReminderBlocks } from '../../blocks/follow-up-blocks.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { FormMetadata } from '../../payloads/form-metadata.js';

/**
 * The reminder DM after a button: the same card from the record as it is now, plus a line
 * saying what happened. Buttons stay only while they still make sense: an open follow-up
 * (after Snooze, "Add to calendar" or "Open the timeline") keeps them; after Done they are
 * gone, so a second click on a closed follow-up cannot happen from this message.
 */
export function reminderAfterAction(
  interaction: Interaction,
  now: Date,
  options: RenderOptions,
  note: string,
  keepButtons: boolean,
): SlackMessage | null {
  if (!hasFollowUp(interaction)) return null;
  const message = followUpReminderBlocks(presentReminder(interaction, now), options);
  const open = interaction.followUp.status === 'open';
  const blocks = message.blocks.filter((block) => (keepButtons && open) || block.type !== 'actions');
  blocks.push(context([note]));
  return { text: message.text, blocks };
}

/** Updates the DM in place (the listener's client, so the request's own token is used). */
export async function updateReminder(
  client: WebClient,
  where: { channel?: string; ts?: string },
  message: SlackMessage | null,
): Promise<void> {
  if (!message || !where.channel || !where.ts) return;
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: message.text,
    blocks: message.blocks,
  });
}

/** After a "Log the follow-up" form: the reminder DM it came from says so, without its buttons. */
export async function updateLoggedReminder(
  client: WebClient,
  tenant: Tenant,
  metadata: FormMetadata,
  result: LogInteractionResult,
  now: Date,
): Promise<void> {
  const closed = result.closedFollowUp;
  if (!closed || !metadata.ch || !metadata.fts) return;
  const note = `:memo: Follow-up logged and marked done by <@${tenant.actor.userId}>.`;
  const message = reminderAfterAction(closed, now, personalTime(tenant), note, false);
  await updateReminder(client, { channel: metadata.ch, ts: metadata.fts }, message);
}
