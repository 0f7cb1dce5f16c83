import type { SendResult } from '../../../core/deliveries/delivery.js';
import type { ReminderMessage, ReminderNotifier } from '../../../core/followups/reminder-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import { followUpReminderBlocks } from '../blocks/follow-up-blocks.js';
import type { ClientFor } from './slack-clients.js';
import { slackErrorCode, toSendFailure } from './slack-errors.js';

/** DM channel ids kept per (workspace, user): conversations.open is Tier 3, postMessage is not. */
const DM_CACHE_SIZE = 10_000;

export interface SlackReminderNotifierDeps {
  clientFor: ClientFor;
  logger: Logger;
}

/**
 * F13 on Slack: opens (or reuses) the bot's DM with the assignee and posts the reminder blocks
 * (followUpReminderBlocks, with its "sent late" marker). Errors are mapped to permanent or
 * transient failures for the delivery record.
 */
export function createSlackReminderNotifier(deps: SlackReminderNotifierDeps): ReminderNotifier {
  const dmChannels = new Map<string, string>();

  async function openDm(workspaceId: string, userId: string, fresh: boolean): Promise<string> {
    const key = `${workspaceId}|${userId}`;
    const cached = dmChannels.get(key);
    if (cached && !fresh) return cached;
    const client = await deps.clientFor(workspaceId);
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    if (dmChannels.size >= DM_CACHE_SIZE) {
      const oldest = dmChannels.keys().next().value;
      if (oldest !== undefined) dmChannels.delete(oldest);
    }
    dmChannels.set(key, channel);
    return channel;
  }

  async function post(message: ReminderMessage, fresh: boolean): Promise<SendResult> {
    const channel = await openDm(message.workspaceId, message.assigneeId, fresh);
    const client = await deps.clientFor(message.workspaceId);
    const rendered = followUpReminderBlocks(message.view, {
      timeZone: message.timeZone,
      dateFormat: message.dateFormat,
    });
    const posted = await client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks });
    return { ok: true, ref: `${posted.channel ?? channel}:${posted.ts ?? ''}` };
  }

  return {
    async sendReminder(message) {
      try {
        return await post(message, false);
      } catch (error) {
        // A cached DM that vanished (the user left and came back): open it again, once.
        if (slackErrorCode(error) === 'channel_not_found') {
          try {
            return await post(message, true);
          } catch (retryError) {
            return toSendFailure(retryError);
          }
        }
        const failure = toSendFailure(error);
        deps.logger.warn('Reminder DM not sent', {
          workspaceId: message.workspaceId,
          interactionId: message.view.interactionId,
          permanent: failure.permanent,
          reason: failure.reason,
        });
        return failure;
      }
    },
  };
}
