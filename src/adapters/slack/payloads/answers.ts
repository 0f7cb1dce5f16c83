import type { View } from '@slack/types';
import { z } from 'zod';
import { type AnswerArgs, UNREADABLE_FORM, unreadableMessage } from './parse-payload.js';
import { slackTrigger, slackUserId } from './shared.js';

/**
 * Where to tell the person, read from a payload that failed its schema: each field is kept
 * only when it has the right type, so a broken payload still yields what can be used.
 */
const replyAddress = z
  .object({
    response_url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .catch(undefined),
    // Only a trigger Slack could have issued: views.open with any other fails, and the DM is left.
    trigger_id: slackTrigger.optional().catch(undefined),
    // Only a member Slack could have named: a DM to any other fails, so it is no address.
    user_id: slackUserId.optional().catch(undefined),
    user: z.object({ id: slackUserId }).optional().catch(undefined),
    view: z
      .object({ id: z.string().min(1), type: z.string() })
      .optional()
      .catch(undefined),
  })
  .catch({});

export type ReplyAddress = z.infer<typeof replyAddress>;

export function replyAddressOf(body: unknown): ReplyAddress {
  return replyAddress.parse(body);
}

/** A modal saying only that: replaces a form that sent what could not be read. */
export function unreadableView(text: string): View {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Could not read the form' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text },
      },
    ],
  };
}

async function postToResponseUrl(url: string, text: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
  });
  return response.ok;
}

/**
 * After the ack, on the surface the payload came from: ephemerally where it has a
 * response_url (a message), in the modal itself when it came from one, else in the app's DM
 * (the Home tab, a global shortcut that lost its trigger).
 */
export async function answerWhereItCameFrom(
  args: AnswerArgs,
  sentence: string,
  referenceId: string,
  options: { openModal?: boolean } = {},
): Promise<void> {
  await args.ack();
  const address = replyAddressOf(args.body);
  const text = unreadableMessage(sentence, referenceId);
  if (address.response_url && (await postToResponseUrl(address.response_url, text))) return;
  const client = await args.client();
  if (!client) throw new Error('No token to answer this workspace with');
  if (address.view?.type === 'modal') {
    await client.views.update({
      view_id: address.view.id,
      view: unreadableView(unreadableMessage(UNREADABLE_FORM, referenceId)),
    });
    return;
  }
  if (options.openModal && address.trigger_id) {
    await client.views.open({ trigger_id: address.trigger_id, view: unreadableView(text) });
    return;
  }
  const userId = address.user?.id ?? address.user_id;
  if (userId) await client.chat.postMessage({ channel: userId, text });
}
