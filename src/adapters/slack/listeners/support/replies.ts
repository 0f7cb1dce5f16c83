import type { RespondFn } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../../../core/shared/ports.js';
import { slackErrorCode } from '../../notifiers/slack-errors.js';

/** Who to tell, and the places we may tell them, best first. */
export interface ReplyTarget {
  userId: string;
  /** The channel the request came from: an ephemeral message there. */
  channelId?: string;
  /** The request's response_url (messages only): works even where the bot is not a member. */
  respond?: RespondFn;
}

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Tells one person something only they should see: through the response_url, else ephemeral
 * in the channel, else in a DM (modals and App Home have no channel). Best effort: by the time
 * we reply the write is done, so a failed reply is logged, never turned into an error message.
 */
export async function tellUser(
  client: WebClient,
  target: ReplyTarget,
  reply: Reply,
  logger: Logger,
): Promise<void> {
  if (target.respond) {
    try {
      await target.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
      return;
    } catch {
      // expired or used up: try the next place
    }
  }
  if (target.channelId) {
    try {
      await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...reply });
      return;
    } catch {
      // the bot or the user is not in that channel: a DM still reaches them
    }
  }
  try {
    await client.chat.postMessage({ channel: target.userId, ...reply });
  } catch (error) {
    logger.warn('Could not reply to a user', {
      userId: target.userId,
      error: slackErrorCode(error) ?? String(error),
    });
  }
}

export const TOO_SLOW_TO_OPEN =
  ':hourglass_flowing_sand: That took too long, so the form could not open. Please try again.';

/**
 * views.open, the first Web API call after the ack. A trigger that expired (a slow start) gets
 * the user a "try again" instead of silence; an already used one is a double click, whose first
 * click opened the modal. Returns the opened view, or undefined when it did not open.
 */
export async function openModal(
  client: WebClient,
  triggerId: string,
  view: ModalView,
  target: ReplyTarget,
  logger: Logger,
): Promise<{ id: string; hash: string } | undefined> {
  try {
    const result = await client.views.open({ trigger_id: triggerId, view });
    const { id, hash } = result.view ?? {};
    return id && hash ? { id, hash } : undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'expired_trigger_id') {
      logger.info('A modal could not open: the trigger expired', { userId: target.userId });
      await tellUser(client, target, { text: TOO_SLOW_TO_OPEN }, logger);
      return undefined;
    }
    if (code === 'exchanged_trigger_id') return undefined;
    throw error;
  }
}
