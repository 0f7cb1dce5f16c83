import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';

/** Waits we sit out for one call before giving up; Slack's Retry-After is seconds, rarely more than a minute. */
const MAX_WAITS = 3;
const MAX_WAIT_SECONDS = 60;

/** Told before each wait, so the user hears "Slack is busy" instead of silence. */
export type OnRateLimited = (retryAfterSeconds: number) => Promise<void> | void;

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/** The Retry-After of a 429 the WebClient refused to wait for (rejectRateLimitedCalls). */
export function retryAfterOf(error: unknown): number | undefined {
  if (field(error, 'code') !== ErrorCode.RateLimitedError) return undefined;
  const seconds = field(error, 'retryAfter');
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : undefined;
}

/**
 * A client that hands 429s back to us instead of waiting silently inside its queue: the
 * export runs in front of a user, who must be told when Slack makes us wait.
 */
export function interactiveClient(token: string, options: WebClientOptions): WebClient {
  return new WebClient(token, { ...options, rejectRateLimitedCalls: true });
}

/**
 * Runs `call`, and on a 429 tells the user, waits Retry-After and tries again (a 429 means
 * Slack did nothing, so repeating is safe). Other errors go to the caller untouched.
 */
export async function withRateLimitRetry<T>(
  call: () => Promise<T>,
  onRateLimited: OnRateLimited,
): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await call();
    } catch (error) {
      const retryAfter = retryAfterOf(error);
      if (retryAfter === undefined || waits >= MAX_WAITS || retryAfter > MAX_WAIT_SECONDS) throw error;
      await onRateLimited(retryAfter);
      await sleep(Math.max(retryAfter, 0) * 1000);
    }
  }
}
