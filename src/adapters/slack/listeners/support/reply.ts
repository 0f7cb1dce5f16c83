import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../blocks/block-kit.js';

/**
 * Where a result goes back to the person who asked: an ephemeral message through the
 * response_url (commands, buttons), or through the Web API when there is none (a modal opened
 * from the Home tab). `replace` swaps the message the click came from (paging in place).
 */
export type Reply = (message: SlackMessage | string, options?: { replace?: boolean }) => Promise<void>;

function body(message: SlackMessage | string, replace: boolean) {
  const content = typeof message === 'string' ? { text: message } : message;
  return { response_type: 'ephemeral' as const, replace_original: replace, ...content };
}

export function replyWith(respond: RespondFn): Reply {
  return async (message, options = {}) => {
    await respond(body(message, options.replace ?? false));
  };
}

/** For a response_url kept in a modal's private_metadata; Bolt's respond is not offered there. */
export function replyToUrl(responseUrl: string): Reply {
  return async (message, options = {}) => {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body(message, options.replace ?? false)),
    });
    if (!response.ok) throw new Error(`Slack refused the response_url post (HTTP ${response.status})`);
  };
}

/** Ephemeral in a channel, or, with no channel at all (Home tab), the bot's DM with the user. */
export function replyByApi(client: WebClient, userId: string, channelId: string | undefined): Reply {
  return async (message) => {
    const content = typeof message === 'string' ? { text: message } : message;
    if (channelId) {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...content });
      return;
    }
    const dm = await client.conversations.open({ users: userId });
    const dmId = dm.channel?.id;
    if (!dmId) throw new Error('Slack opened no DM channel');
    await client.chat.postMessage({ channel: dmId, ...content });
  };
}
