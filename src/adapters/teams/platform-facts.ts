import type { Activity } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { PlatformFacts } from '../../core/workspaces/arrival.js';

/** How long a cold activity may wait for the roster before going on without it (invokes: 5 s). */
export const ROSTER_LOOKUP_BUDGET_MS = 1_500;

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The sender's own IANA zone: Teams puts it on the activity (`localTimezone`), and in the
 * clientInfo entity of messages.
 */
export function timezoneOf(activity: Activity): string | undefined {
  const direct = field(activity, 'localTimezone');
  if (typeof direct === 'string' && direct.length > 0) return direct;
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo');
  const fromEntity = field(clientInfo, 'timezone');
  return typeof fromEntity === 'string' && fromEntity.length > 0 ? fromEntity : undefined;
}

/** The app being installed (personal, chat or team): the sender is the installer. */
export function isInstall(activity: Activity): boolean {
  return activity.type === 'installationUpdate' && field(activity, 'action') === 'add';
}

export type RosterLookup = (activity: Activity) => Promise<PlatformFacts | undefined>;

/**
 * Asks the Bot Connector's roster whether the sender is a guest (userRole "guest"), given up
 * after `budgetMs` so the activity still answers in time; undefined when Teams did not answer.
 */
export function rosterLookup(app: App, budgetMs = ROSTER_LOOKUP_BUDGET_MS): RosterLookup {
  return async (activity) => {
    const conversationId = activity.conversation?.id;
    // The roster answers to the Entra object id as well as the 29: id; the former is the one we key on.
    const memberId = activity.from?.aadObjectId ?? activity.from?.id;
    if (!conversationId || !memberId || !activity.serviceUrl) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), budgetMs);
    });
    const ask = app.api
      .clone({ serviceUrl: activity.serviceUrl })
      .conversations.getMemberById(conversationId, memberId)
      .then((account): PlatformFacts => ({ guest: account.userRole === 'guest' }))
      .catch(() => undefined);
    try {
      return await Promise.race([ask, giveUp]);
    } finally {
      clearTimeout(timer);
    }
  };
}
