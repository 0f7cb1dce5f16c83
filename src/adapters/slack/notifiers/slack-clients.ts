import { LogLevel, type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api';

/** The Web API client of a workspace: built from a single bot token or the installation store. */
export type ClientFor = (workspaceId: string) => Promise<WebClient>;

/**
 * For background sends. The WebClient waits out each 429 for its Retry-After (pausing the
 * workspace's queue) and then counts it as one retry; this backoff comes on top, so it stays
 * short: a long exponential backoff after a wait Slack already specified would halve the
 * throughput. Server errors get the same short, growing backoff. After the last retry the
 * delivery records a transient failure and its own, longer backoff takes over.
 */
export const BACKGROUND_RETRY: RetryOptions = {
  retries: 10,
  factor: 1.5,
  minTimeout: 50,
  maxTimeout: 2_000,
  randomize: false,
};

/** No single request may outlive the delivery's crash-detection window (staleAfterMs). */
export const BACKGROUND_TIMEOUT_MS = 30_000;

export function backgroundClientOptions(options: WebClientOptions = {}): WebClientOptions {
  return {
    retryConfig: BACKGROUND_RETRY,
    timeout: BACKGROUND_TIMEOUT_MS,
    // One request at a time per workspace: after a 429 pause exactly one request goes, so no
    // retry budget is burnt by requests racing for the same slot. Workspaces run in parallel.
    maxRequestConcurrency: 1,
    // Each 429 is logged at info level by the WebClient: thousands during a burst of reminders.
    logLevel: LogLevel.WARN,
    ...options,
  };
}

/**
 * One client per workspace, kept for the life of the process, so Slack's per-workspace rate
 * limit pauses exactly that workspace's queue. `tokenFor` resolves the bot token (a fixed
 * SLACK_BOT_TOKEN, or the installation store).
 */
export function cachedClients(
  tokenFor: (workspaceId: string) => Promise<string>,
  options: WebClientOptions = {},
): ClientFor {
  const clients = new Map<string, { token: string; client: WebClient }>();
  const clientOptions = backgroundClientOptions(options);
  return async (workspaceId) => {
    const token = await tokenFor(workspaceId);
    const cached = clients.get(workspaceId);
    if (cached && cached.token === token) return cached.client;
    const client = new WebClient(token, clientOptions);
    clients.set(workspaceId, { token, client });
    return client;
  };
}
