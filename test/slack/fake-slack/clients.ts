import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import type { FakeSlack } from './server.js';
import { FAKE_DEFAULTS } from './state.js';

/** A Logger that drops everything: the fake's refusals would otherwise be logged as errors. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/**
 * A WebClient pointed at the fake with retries off: with the default policy a 5xx from the
 * fake would be retried for minutes (doc §4.1). `token: null` sends no token at all.
 */
export function webClientFor(
  fake: FakeSlack,
  token: string | null = FAKE_DEFAULTS.token,
  options: WebClientOptions = {},
): WebClient {
  return new WebClient(token ?? undefined, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    logger: silentLogger,
    ...options,
  });
}
