import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { channelOfThread } from '../conversation-id.js';
import { TEAMS_THREAD_RATE_LIMITS } from '../limits.js';
import { ConversationPacer, type PacerClock, type RateRule, realPacerClock } from './conversation-pacer.js';
import { connectorError } from './teams-errors.js';

/** What the notifiers need from the Teams SDK: post a card somewhere, open a 1:1 chat. */
export interface TeamsSender {
  postCard(serviceUrl: string, conversationId: string, card: IAdaptiveCard): Promise<string>;
  openPersonalChat(serviceUrl: string, tenantId: string, memberId: string): Promise<string>;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The SDK's connector client, scoped to the service URL a conversation was seen on (Teams
 * routes per region; the stored reference says which). `app.send` would use one global URL.
 */
export function sdkSender(app: App): TeamsSender {
  return {
    async postCard(serviceUrl, conversationId, card) {
      const api = app.api.clone({ serviceUrl });
      const sent = await api.conversations.activities(conversationId).create({
        type: 'message',
        attachments: [{ contentType: CARD, content: card }],
      });
      return sent.id;
    },
    async openPersonalChat(serviceUrl, tenantId, memberId) {
      const api = app.api.clone({ serviceUrl });
      const created = await api.conversations.create({
        isGroup: false,
        bot: { id: app.id ?? '' },
        members: [{ id: memberId, role: 'user', name: '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      });
      return created.id;
    },
  };
}

export interface PacingOptions {
  rules?: readonly RateRule[];
  clock?: PacerClock;
  /** Longest total Retry-After wait spent on one post before handing it back as a 429 failure. */
  maxRetryWaitMs?: number;
}

/** Enough for Teams' short windows; a longer Retry-After goes back to the delivery schedule. */
const MAX_RETRY_WAIT_MS = 10_000;

/**
 * Posts paced per conversation to Teams' thread limits, and a 429 that slips through (another
 * worker, a user-triggered reply in the same chat) retried after its Retry-After. Retrying a 429
 * cannot duplicate: the connector refused the message. Other failures are not retried here.
 */
export function pacedSender(inner: TeamsSender, options: PacingOptions = {}): TeamsSender {
  const clock = options.clock ?? realPacerClock;
  const pacer = new ConversationPacer(options.rules ?? TEAMS_THREAD_RATE_LIMITS, clock);
  const maxWaitMs = options.maxRetryWaitMs ?? MAX_RETRY_WAIT_MS;
  return {
    async postCard(serviceUrl, conversationId, card) {
      // Replies in a channel thread share the channel's budget.
      const thread = channelOfThread(conversationId);
      let waitedMs = 0;
      for (;;) {
        try {
          return await pacer.run(thread, () => inner.postCard(serviceUrl, conversationId, card));
        } catch (error) {
          const { status, retryAfter } = connectorError(error);
          const waitMs = (retryAfter ?? 1) * 1000;
          if (status !== 429 || waitedMs + waitMs > maxWaitMs) throw error;
          waitedMs += waitMs;
          await clock.sleep(waitMs);
        }
      }
    },
    openPersonalChat: (serviceUrl, tenantId, memberId) =>
      inner.openPersonalChat(serviceUrl, tenantId, memberId),
  };
}
