import type { Activity } from '@microsoft/teams.api';
import type { ConversationRef } from '../../../core/deliveries/conversation-ref.port.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { channelOfThread } from '../conversation-id.js';
import type { TeamsDeps } from '../deps.js';

/** Refs already saved by this process: a chatty user costs one write per process, not per message. */
const SEEN_MAX = 10_000;

/** Where this activity came from, as a ref proactive messages can use later. */
export function refOf(activity: Activity, tenant: Tenant, now: Date): ConversationRef | undefined {
  const conversation = activity.conversation;
  if (!conversation?.id || !activity.serviceUrl) return undefined;
  const type = conversation.conversationType;
  const base = {
    workspaceId: tenant.workspace.id,
    conversationId: conversation.id,
    serviceUrl: activity.serviceUrl,
    updatedAt: now,
  };
  if (type === 'personal') {
    return {
      ...base,
      kind: 'personal',
      userId: tenant.actor.userId,
      ...(activity.from?.id ? { platformUserId: activity.from.id } : {}),
    };
  }
  // The report goes to the channel, not to the thread the activity came from.
  const channelId = channelOfThread(conversation.id);
  return {
    ...base,
    conversationId: channelId,
    kind: type === 'channel' ? 'channel' : 'groupChat',
    ...(conversation.name ? { name: conversation.name } : {}),
  };
}

export function conversationRecorder(deps: TeamsDeps) {
  const seen = new Set<string>();
  return async (activity: Activity, tenant: Tenant): Promise<void> => {
    const ref = refOf(activity, tenant, deps.container.clock.now());
    if (!ref) return;
    const key = `${ref.workspaceId}|${ref.conversationId}|${ref.userId ?? ''}|${ref.serviceUrl}`;
    if (seen.has(key)) return;
    await deps.container.conversations.recordConversation(tenant.actor, ref);
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.add(key);
  };
}
