/** /v3/conversations/:conversationId/activities[/:activityId] and /members: the guarded routes. */
import type { Request, Response, Router } from 'express';
import { checkActivitySize, validateActivityCards } from './card-validation.js';
import { fail, isRecord, noteCall } from './http.js';
import { type ConnectorState, splitThreadedId } from './state.js';
import type { ConnectorConversation } from './types.js';

type Params = { conversationId: string; activityId?: string; memberId?: string };

/**
 * The checks every conversation call goes through, in the real service's order: unknown
 * conversation (404), bot removed (403), then for activity operations an injected failure
 * and the per-conversation rate limit (429 + Retry-After). Returns undefined when answered.
 */
function guard(state: ConnectorState, req: Request<Params>, res: Response, limited: boolean) {
  const { conversationId, activityId } = req.params;
  noteCall(res, { conversationId, ...(activityId !== undefined ? { activityId } : {}) });
  const conversation = state.conversation(conversationId);
  if (!conversation) return fail(res, 404, 'ConversationNotFound', 'Conversation not found.');
  if (!conversation.botInRoster) {
    return fail(res, 403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
  }
  if (!limited) return conversation;
  const failure = state.takeFailure(conversation.id) ?? state.takeFailure(conversationId);
  if (failure?.status === 429) {
    res.setHeader('Retry-After', String(failure.retryAfterSeconds));
    return fail(res, 429, 'Throttled', 'Too many requests.');
  }
  if (failure) return fail(res, failure.status, 'ServiceError', 'Unknown');
  const retryAfter = state.throttle(conversation.id);
  if (retryAfter !== undefined) {
    res.setHeader('Retry-After', String(retryAfter));
    return fail(res, 429, 'Throttled', 'Too many requests.');
  }
  return conversation;
}

/** 413 for an oversized activity, 400 for a malformed one or an invalid Adaptive Card. */
export function activityProblem(res: Response, body: unknown): boolean {
  if (!isRecord(body)) {
    fail(res, 400, 'BadArgument', 'The request body must be an activity object.');
    return true;
  }
  if (!checkActivitySize(body)) {
    fail(res, 413, 'MessageSizeTooBig', 'Message size too large.');
    return true;
  }
  if (typeof body.type !== 'string' || body.type === '') {
    fail(res, 400, 'BadArgument', 'Activity type cannot be null or empty.');
    return true;
  }
  const cardErrors = validateActivityCards(body);
  if (cardErrors.length > 0) {
    fail(res, 400, 'BadArgument', cardErrors.join(' '));
    return true;
  }
  return false;
}

function findActivity(conversation: ConnectorConversation, id: string) {
  return conversation.activities.findIndex((a) => a.id === id);
}

export function activityRoutes(router: Router, state: ConnectorState): void {
  const create = (req: Request<Params>, res: Response) => {
    const conversation = guard(state, req, res, true);
    if (!conversation || activityProblem(res, req.body)) return;
    const body = req.body as Record<string, unknown>;
    const replyToId =
      req.params.activityId ??
      splitThreadedId(req.params.conversationId).messageId ??
      (typeof body.replyToId === 'string' ? body.replyToId : undefined);
    const stored = state.storeCreated(conversation, body, replyToId);
    res.status(201).json({ id: stored.id });
  };
  router.post('/v3/conversations/:conversationId/activities', create);
  router.post('/v3/conversations/:conversationId/activities/:activityId', create);

  router.put('/v3/conversations/:conversationId/activities/:activityId', (req: Request<Params>, res) => {
    const conversation = guard(state, req, res, true);
    if (!conversation) return;
    const id = req.params.activityId!;
    const index = findActivity(conversation, id);
    if (index < 0)
      return fail(res, 404, 'ActivityNotFoundInConversation', 'Message does not exist in the thread.');
    if (activityProblem(res, req.body)) return;
    const previous = conversation.activities[index]!;
    conversation.activities[index] = {
      ...(req.body as Record<string, unknown>),
      id,
      conversationId: conversation.id,
      ...(previous.replyToId ? { replyToId: previous.replyToId } : {}),
    };
    res.status(200).json({ id });
  });

  router.delete('/v3/conversations/:conversationId/activities/:activityId', (req: Request<Params>, res) => {
    const conversation = guard(state, req, res, true);
    if (!conversation) return;
    const index = findActivity(conversation, req.params.activityId!);
    if (index < 0)
      return fail(res, 404, 'ActivityNotFoundInConversation', 'Message does not exist in the thread.');
    conversation.activities.splice(index, 1);
    res.status(200).end();
  });

  const account = (conversation: ConnectorConversation, aadObjectId: string) => ({
    id: `29:${aadObjectId}`,
    aadObjectId,
    name: aadObjectId,
    tenantId: conversation.tenantId,
    userRole: state.userRoles.get(aadObjectId) ?? 'user',
  });
  router.get('/v3/conversations/:conversationId/members', (req: Request<Params>, res) => {
    const conversation = guard(state, req, res, false);
    if (conversation) res.status(200).json(conversation.members.map((m) => account(conversation, m)));
  });
  router.get('/v3/conversations/:conversationId/members/:memberId', (req: Request<Params>, res) => {
    const conversation = guard(state, req, res, false);
    if (!conversation) return;
    const wanted = req.params.memberId!.replace(/^29:/, '');
    if (!conversation.members.includes(wanted)) {
      return fail(res, 404, 'MemberNotFoundInConversation', 'Member not found in conversation.');
    }
    res.status(200).json(account(conversation, wanted));
  });
}
