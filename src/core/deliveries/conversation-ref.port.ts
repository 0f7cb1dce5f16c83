/**
 * Where a platform that needs a stored address for proactive messages (Teams: conversation id
 * plus the service URL of the region) can reach a person or a channel later. Recorded from
 * verified activities only: the personal chat when a user talks to the bot, a channel when the
 * bot is added to it.
 */
export interface ConversationRef {
  workspaceId: string;
  kind: 'personal' | 'channel' | 'groupChat';
  conversationId: string;
  serviceUrl: string;
  /** personal: the member (our user id, e.g. the AAD object id). */
  userId?: string;
  /** personal: the platform's own id of that user (Teams `29:…`), needed to open a chat. */
  platformUserId?: string;
  /** channel / group: a name for settings ("post the weekly report here"). */
  name?: string;
  updatedAt: Date;
}

export interface ConversationRefRepository {
  /** Insert or refresh; a ref that did not change costs no write. */
  save(ref: ConversationRef): Promise<void>;
  personal(workspaceId: string, userId: string): Promise<ConversationRef | null>;
  conversation(workspaceId: string, conversationId: string): Promise<ConversationRef | null>;
  /** The personal chat vanished (the user removed the app): the next reminder opens a new one. */
  forgetPersonal(workspaceId: string, userId: string): Promise<void>;
}
