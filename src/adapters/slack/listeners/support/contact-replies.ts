import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../blocks/block-kit.js';

/**
 * Answers where the click came from: an ephemeral reply through response_url for messages,
 * a DM for modals and the Home tab (they have no response_url).
 */
export async function replyToUser(
  client: WebClient,
  respond: RespondFn | undefined,
  responseUrl: string | undefined,
  userId: string,
  message: SlackMessage,
): Promise<void> {
  if (respond && responseUrl) {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
}

/** Ephemeral in the channel the form was opened from; a DM when there is none or it is refused. */
export async function confirmToUser(
  client: WebClient,
  channelId: string | undefined,
  userId: string,
  message: SlackMessage,
): Promise<void> {
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
      return;
    } catch {
      // Not in that channel any more (or the bot is not): the DM below still reaches the user.
    }
  }
  await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
}
