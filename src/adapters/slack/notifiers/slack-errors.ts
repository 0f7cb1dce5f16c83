import { ErrorCode } from '@slack/web-api';
import type { SendResult } from '../../../core/deliveries/delivery.js';

type Failure = Extract<SendResult, { ok: false }>;

/**
 * Slack errors after which sending again cannot work until a person acts (reinstall the app,
 * invite it, pick another channel). They are recorded as failed with this reason, not retried.
 */
const PERMANENT: Readonly<Record<string, string>> = {
  user_not_found: 'The person is not in the Slack workspace any more (user_not_found).',
  user_disabled: "The person's Slack account is deactivated (user_disabled).",
  account_inactive: 'The Slack account or workspace the app posts as is deactivated (account_inactive).',
  cannot_dm_bot: 'The assignee is a bot, and bots cannot receive direct messages (cannot_dm_bot).',
  channel_not_found: 'The channel does not exist any more, or the app cannot see it (channel_not_found).',
  is_archived: 'The channel is archived (is_archived).',
  not_in_channel:
    'The app is not a member of the channel: invite it there (/invite @app) and the next report will be posted (not_in_channel).',
  invalid_auth: 'The app was removed from the workspace, or its token is no longer valid (invalid_auth).',
  not_authed: 'The app has no token for this workspace: reinstall it (not_authed).',
  token_revoked: 'The app was removed from the workspace (token_revoked).',
  token_expired: 'The app token expired: reinstall the app (token_expired).',
  team_access_not_granted:
    'The app is not allowed in this workspace of the organisation (team_access_not_granted).',
  missing_scope: 'The app lacks a permission it needs: reinstall it to grant it (missing_scope).',
  restricted_action: 'A workspace setting forbids the app to post there (restricted_action).',
  posting_to_channel_denied: 'The app is not allowed to post in this channel (posting_to_channel_denied).',
  ekm_access_denied: 'The workspace administrators suspended the app (ekm_access_denied).',
  invalid_blocks: 'Slack rejected the message layout (invalid_blocks).',
  msg_blocks_too_long: 'Slack rejected the message as too long (msg_blocks_too_long).',
  invalid_channel: 'The channel id is not valid (invalid_channel).',
};

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/** The `error` code of a Slack platform error (`ok: false`), or undefined for anything else. */
export function slackErrorCode(error: unknown): string | undefined {
  if (field(error, 'code') !== ErrorCode.PlatformError) return undefined;
  const code = field(field(error, 'data'), 'error');
  return typeof code === 'string' ? code : undefined;
}

/**
 * A thrown WebClient error as a delivery failure. Rate limits were already waited out and
 * retried by the WebClient (Retry-After); what is left here is either permanent (above) or
 * worth retrying later (network, 5xx, retries exhausted).
 */
export function toSendFailure(error: unknown): Failure {
  const code = slackErrorCode(error);
  if (code !== undefined) {
    const reason = PERMANENT[code];
    if (reason) return { ok: false, permanent: true, reason };
    return { ok: false, permanent: false, reason: `Slack answered ${code}.` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, permanent: false, reason: `Could not reach Slack: ${message}` };
}
