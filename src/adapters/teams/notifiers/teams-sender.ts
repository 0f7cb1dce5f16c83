import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';

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
