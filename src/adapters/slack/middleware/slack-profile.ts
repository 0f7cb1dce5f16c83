import type { WebClient } from '@slack/web-api';
import type { PlatformFacts } from '../../../core/workspaces/arrival.js';

/** How long a cold request may wait for users.info before going on without it (Slack's 3 s ack). */
export const PROFILE_LOOKUP_BUDGET_MS = 1_200;

/** The users.info fields that decide a role and a zone. */
export interface SlackUserFields {
  is_owner?: boolean;
  is_admin?: boolean;
  is_primary_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  tz?: string;
}

/** Slack's words for what the core needs: owners and admins administer, guests only read. */
export function slackFactsOf(user: SlackUserFields): PlatformFacts {
  return {
    platformAdmin: Boolean(user.is_owner || user.is_admin || user.is_primary_owner),
    guest: Boolean(user.is_restricted || user.is_ultra_restricted),
    ...(user.tz ? { timezone: user.tz } : {}),
  };
}

/**
 * users.info for one person, given up after `budgetMs` so the request still acks in time;
 * undefined when Slack did not answer (the core then retries on a later request).
 */
export async function lookupSlackFacts(
  client: WebClient,
  userId: string,
  budgetMs = PROFILE_LOOKUP_BUDGET_MS,
): Promise<PlatformFacts | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetMs);
  });
  const ask = client.users
    .info({ user: userId })
    .then(({ user }) => (user ? slackFactsOf(user) : undefined))
    .catch(() => undefined);
  try {
    return await Promise.race([ask, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}
