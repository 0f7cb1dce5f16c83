import type { Actor } from '../shared/actor.js';
import type { ConversationRef, ConversationRefRepository } from './conversation-ref.port.js';

export interface ConversationServiceDeps {
  conversationRefs: Pick<ConversationRefRepository, 'save'>;
}

/**
 * Where proactive messages can reach people and channels later (Teams reminders and reports),
 * recorded from the verified activities of the actor: always filed under the actor's
 * workspace, and a personal chat always as the actor's own.
 */
export function createConversationService(deps: ConversationServiceDeps) {
  return {
    async recordConversation(actor: Actor, ref: ConversationRef): Promise<void> {
      await deps.conversationRefs.save({
        ...ref,
        workspaceId: actor.workspaceId,
        ...(ref.kind === 'personal' ? { userId: actor.userId } : {}),
      });
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
