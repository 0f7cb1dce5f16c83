import type { ResultQuery } from '../../../core/queries/result-query.js';
import { ResultActionId, ResultBlockId } from '../ids.js';
import { ButtonValue, filterToValue, tryEncodeValue } from '../payloads/action-values.js';
import { actions, button, type SlackMessage, section } from './block-kit.js';

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** A channel link Slack can render, or plain words when the id is not a channel's. */
export function channelName(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : 'this channel';
}

/** The bot is not in the channel (or it is archived): say why, and offer the file as a DM. */
export function unavailableMessage(
  job: { query: ResultQuery; channelId: string; destination: 'channel' | 'dm' },
  slackCode: string,
) {
  const where = channelName(job.channelId);
  const why =
    slackCode === 'is_archived'
      ? `${where} is archived, so I can't post the CSV there`
      : `I can't post files in ${where} because I'm not a member of it. Invite me (\`/invite\` the app) and export again`;
  const value =
    job.destination === 'channel'
      ? tryEncodeValue(ButtonValue.list, { f: filterToValue(job.query.filter), s: job.query.sort })
      : undefined;
  if (value === undefined) {
    return `:warning: ${why}. You can also run the same export in a direct message with the app.`;
  }
  const message: SlackMessage = {
    text: `${why}, or get the file as a direct message.`,
    blocks: [
      section(`:warning: ${why}, or get the file as a direct message.`),
      actions(ResultBlockId.exportOffer, [
        button('Send it to me as a DM', ResultActionId.exportToDm, value, 'primary'),
      ]),
    ],
  };
  return message;
}
