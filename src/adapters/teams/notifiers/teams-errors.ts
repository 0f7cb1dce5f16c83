import type { SendResult } from '../../../core/deliveries/delivery.js';

type Failure = Extract<SendResult, { ok: false }>;

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/** HTTP status and Bot Connector error code of a failed call (the SDK's HTTP client is axios). */
export function connectorError(error: unknown): { status?: number; code?: string; retryAfter?: number } {
  const response = field(error, 'response');
  const status = field(response, 'status');
  const data = field(response, 'data');
  const code = field(field(data, 'error'), 'code');
  const headers = field(response, 'headers');
  const retryAfter = Number(field(headers, 'retry-after'));
  return {
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  };
}

/**
 * A connector failure as a delivery outcome. Permanent: the bot was removed from the
 * conversation or the person uninstalled it (403), the conversation is gone (404), the card
 * was refused (400/413) — sending again cannot work until someone acts. Everything else
 * (429 throttling, 5xx, network) is retried by the delivery schedule.
 */
export function toSendFailure(error: unknown): Failure {
  const { status, code, retryAfter } = connectorError(error);
  const label = code ? `${status} ${code}` : `HTTP ${status}`;
  switch (status) {
    case 401:
      return {
        ok: false,
        permanent: false,
        reason: 'Teams refused the bot credentials (401); check TEAMS_CLIENT_ID/SECRET.',
      };
    case 403:
      return {
        ok: false,
        permanent: true,
        reason: `The bot is no longer in this conversation, or the app was removed (${label}).`,
      };
    case 404:
      return { ok: false, permanent: true, reason: `The conversation does not exist any more (${label}).` };
    case 400:
    case 413:
      return { ok: false, permanent: true, reason: `Teams rejected the message (${label}).` };
    case 429:
      return {
        ok: false,
        permanent: false,
        reason: `Teams is throttling the bot (429${retryAfter ? `, retry after ${retryAfter} s` : ''}).`,
      };
    case undefined:
      return {
        ok: false,
        permanent: false,
        reason: `Teams could not be reached (${error instanceof Error ? error.message : String(error)}).`,
      };
    default:
      return { ok: false, permanent: false, reason: `Teams answered ${label}.` };
  }
}
