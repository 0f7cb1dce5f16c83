/** POST /v3/conversations: open a 1:1 chat with a user, or start a new thread in a channel. */
import type { Response, Router } from 'express';
import { activityProblem } from './activities.js';
import { fail, isRecord, noteCall } from './http.js';
import type { ConnectorState } from './state.js';
import type { ConnectorConversation } from './types.js';

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let node = value;
  for (const key of path) node = isRecord(node) ? node[key] : undefined;
  return typeof node === 'string' && node !== '' ? node : undefined;
}

/** Posts the creation's optional first activity; false when it was refused (answer sent). */
function postFirst(
  state: ConnectorState,
  res: Response,
  conversation: ConnectorConversation,
  activity: unknown,
): { activityId?: string } | false {
  if (activity === undefined) return {};
  if (activityProblem(res, activity)) return false;
  return { activityId: state.storeCreated(conversation, activity as Record<string, unknown>).id };
}

/** A new reply chain in a channel: Teams answers `{ id: '<channel>;messageid=<id>', activityId }`. */
function createChannelThread(
  state: ConnectorState,
  res: Response,
  body: Record<string, unknown>,
  channelId: string,
) {
  noteCall(res, { conversationId: channelId });
  const channel = state.conversation(channelId);
  if (channel?.type !== 'channel') return fail(res, 404, 'ConversationNotFound', 'Conversation not found.');
  if (!channel.botInRoster) {
    return fail(res, 403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
  }
  if (body.activity === undefined) {
    return fail(res, 400, 'BadArgument', 'An activity is required to start a conversation in a channel.');
  }
  const first = postFirst(state, res, channel, body.activity);
  if (!first) return;
  res.status(201).json({ id: `${channel.id};messageid=${first.activityId}`, activityId: first.activityId });
}

export function conversationRoutes(router: Router, state: ConnectorState): void {
  router.post('/v3/conversations', (req, res) => {
    const body: unknown = req.body;
    if (!isRecord(body))
      return fail(res, 400, 'BadArgument', 'The request body must be a conversation object.');
    const channelId = stringAt(body, 'channelData', 'channel', 'id');
    if (channelId) return createChannelThread(state, res, body, channelId);
    if (body.isGroup === true) {
      return fail(
        res,
        400,
        'BadArgument',
        'Bots cannot create group chats; use isGroup false with one member.',
      );
    }
    const members = Array.isArray(body.members) ? body.members : [];
    if (members.length !== 1) {
      return fail(res, 400, 'BadArgument', 'A 1:1 conversation needs exactly one member.');
    }
    const member = members[0];
    const memberId = stringAt(member, 'aadObjectId') ?? stringAt(member, 'id');
    const tenantId = stringAt(body, 'tenantId') ?? stringAt(body, 'channelData', 'tenant', 'id');
    if (!memberId) return fail(res, 400, 'BadArgument', 'The member needs an id.');
    if (!tenantId)
      return fail(res, 400, 'BadArgument', 'A tenant id is required (tenantId or channelData.tenant.id).');
    if (!state.isMember(tenantId, memberId)) {
      return fail(
        res,
        403,
        'Forbidden',
        'The bot is not installed for the user, or the user is not in the tenant.',
      );
    }
    const id = state.personalChatId(tenantId, memberId);
    noteCall(res, { conversationId: id });
    const conversation =
      state.conversations.get(id) ??
      state.addConversation({ id, tenantId, type: 'personal', members: [memberId] });
    if (!conversation.botInRoster) {
      return fail(res, 403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
    }
    const first = postFirst(state, res, conversation, body.activity);
    if (!first) return;
    state.personalChats.set(`${tenantId}\n${memberId}`, id);
    res.status(201).json({ id, ...first });
  });
}
