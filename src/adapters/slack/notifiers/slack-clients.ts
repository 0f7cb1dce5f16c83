import { type RetryOptions, WebClient, type WebClientOptions } from '@slack/web-api';

/** The Web API client of a workspace: built from a single bot token or the installation store. */
export type ClientFor = (workspaceId: string) => Promise<WebClient>;

/**
 * For background sends. Each 429 is waited out for its Retry-After (the client pauses its whole
 * queue, so the workspace's other sends wait too) and counts as one retry; the short backoff on
 * top keeps throughput close to the allowed rate. Server errors back off exponentially. After
 * the last retry the delivery records a transient failure and its own backoff takes over.
 */
export const BACKGROUND_RETRY: RetryOptions = {
  retries: 12,
  factor: 2,
  minTimeout: 50,
  maxTimeout: 10_000,
  randomize: true,
};

/** No single request may outlive the delivery's crash-detection window (staleAfterMs). */
export const BACKGROUND_TIMEOUT_MS = 30_000;

export function backgroundClientOptions(options: WebClientOptions = {}): WebClientOptions {
  return {
    retryConfig: BACKGROUND_RETRY,
    timeout: BACKGROUND_TIMEOUT_MS,
    // A few requests in flight per workspace: enough to reach the rate, few enough that a 429
    // pause does not leave many requests failing at once.
    maxRequestConcurrency: 4,
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
