import { createHmac } from 'node:crypto';
import type { FakeSlack } from './server.js';
import { FAKE_DEFAULTS } from './state.js';

export interface SignedHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Seconds since the epoch, as Slack stamps requests. */
export function slackTimestamp(date: number = Date.now()): number {
  return Math.floor(date / 1000);
}

/**
 * Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed with the signing
 * secret, hex, prefixed `v0=`. Sign the exact bytes you send. The timestamp defaults to now
 * because Bolt compares it to its own clock (pass an old one to test the 5-minute window).
 */
export function signRequest(
  signingSecret: string,
  rawBody: string,
  timestamp: number = slackTimestamp(),
): SignedHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

export interface SlackHttpResponse {
  status: number;
  /** Parsed JSON when the app answered JSON, otherwise the text ('' for an empty body). */
  body: unknown;
  headers: Record<string, string>;
}

export interface SendOptions {
  /** Request timestamp in seconds (default now): an old one tests Bolt's stale check. */
  timestamp?: number;
  /** Extra headers, e.g. a tampered signature. */
  headers?: Record<string, string>;
  /** Gives up on the answer (Slack's own 3-second window, passed in by a test). */
  signal?: AbortSignal;
}

async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: SendOptions,
): Promise<SlackHttpResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...signRequest(secret, body, options.timestamp),
      ...options.headers,
    },
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return {
    status: response.status,
    body: isJson && text !== '' ? JSON.parse(text) : text,
    headers: Object.fromEntries(response.headers.entries()),
  };
}

/** [§3.3] Slash command fields; Slack sends every value as a string. */
export interface SlashCommandFields {
  command: string;
  text?: string;
  token?: string;
  team_id?: string;
  team_domain?: string;
  enterprise_id?: string;
  enterprise_name?: string;
  channel_id?: string;
  channel_name?: string;
  user_id?: string;
  user_name?: string;
  api_app_id?: string;
  /** ⚠ The string 'true' / 'false', not a boolean. */
  is_enterprise_install?: 'true' | 'false';
  response_url?: string;
  trigger_id?: string;
}

/**
 * Sends a slash command as Slack does: urlencoded fields, signed. With `fake`, a missing
 * trigger_id is issued by the fake and a missing response_url points at the fake.
 */
export function sendSlashCommand(
  appUrl: string,
  signingSecret: string,
  fields: SlashCommandFields,
  options: SendOptions & { fake?: FakeSlack } = {},
): Promise<SlackHttpResponse> {
  const d = FAKE_DEFAULTS;
  const full: Record<string, string> = {
    token: 'fake-verification-token',
    team_id: d.teamId,
    team_domain: d.teamDomain,
    channel_id: d.channels.general,
    channel_name: 'general',
    user_id: d.users.alice,
    user_name: 'alice',
    api_app_id: d.appId,
    is_enterprise_install: 'false',
    text: '',
    ...fields,
  };
  const fake = options.fake;
  full.trigger_id ??= fake
    ? fake.issueTriggerId({ teamId: full.team_id, userId: full.user_id })
    : 'fake.trigger.id';
  full.response_url ??= fake
    ? fake.responseUrl(full.channel_id!, full.user_id!, { teamId: full.team_id })
    : 'https://hooks.slack.test/commands/fake';
  const body = new URLSearchParams(full).toString();
  return postSigned(appUrl, signingSecret, body, 'application/x-www-form-urlencoded', options);
}

/**
 * Sends an interactive payload (block_actions, view_submission, shortcuts, block_suggestion):
 * `payload=<json>` with content-type exactly `application/x-www-form-urlencoded`, which is
 * the only form Bolt parses as a form (strict equality).
 */
export function sendInteraction(
  appUrl: string,
  signingSecret: string,
  payload: object,
  options: SendOptions = {},
): Promise<SlackHttpResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(appUrl, signingSecret, body, 'application/x-www-form-urlencoded', options);
}

export interface EventSendOptions extends SendOptions {
  /** Sets X-Slack-Retry-Num, as on Slack's redeliveries. */
  retryNum?: number;
  /** X-Slack-Retry-Reason, e.g. `http_timeout` or `http_error`. */
  retryReason?: string;
}

/** Sends an Events API envelope as JSON, with retry headers when asked. */
export function sendEvent(
  appUrl: string,
  signingSecret: string,
  envelope: object,
  options: EventSendOptions = {},
): Promise<SlackHttpResponse> {
  const retry: Record<string, string> = {};
  if (options.retryNum !== undefined) retry['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) retry['x-slack-retry-reason'] = options.retryReason;
  const merged = { ...options, headers: { ...retry, ...options.headers } };
  return postSigned(appUrl, signingSecret, JSON.stringify(envelope), 'application/json', merged);
}
