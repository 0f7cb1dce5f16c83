import { SLACK_LIMITS as L } from '../limits.js';
import type { FakeChannel, FakeToken, JsonObject } from '../types.js';
import { argBool, argString, fail, type MethodHandler, ok } from './registry.js';

/** The conversation object as conversations.info / join return it, seen by this bot. */
export function channelToApi(channel: FakeChannel, auth: FakeToken): JsonObject {
  if (channel.isIm) {
    return {
      id: channel.id,
      created: channel.created,
      is_im: true,
      is_org_shared: false,
      user: channel.imUser,
      is_user_deleted: false,
      priority: 0,
    };
  }
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isPrivate && !channel.isMpim,
    is_group: channel.isPrivate && !channel.isMpim,
    is_im: false,
    is_mpim: channel.isMpim,
    is_private: channel.isPrivate,
    created: channel.created,
    creator: channel.creator,
    is_archived: channel.isArchived,
    is_general: channel.name === 'general',
    name_normalized: channel.name,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_member: channel.members.has(auth.botUserId),
    context_team_id: channel.teamId,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}

const open: MethodHandler = ({ args, auth, core }) => {
  const ws = core.workspace;
  const channelArg = argString(args, 'channel');
  const usersArg = argString(args, 'users');
  if (channelArg !== undefined && usersArg === undefined) {
    const channel = ws.visibleChannel(channelArg, auth);
    if (!channel) return fail('channel_not_found');
    if (!channel.isIm && !channel.isMpim) return fail('method_not_supported_for_channel_type');
    return ok({ no_op: true, already_open: true, channel: { id: channel.id } });
  }
  const ids = [...new Set((usersArg ?? '').split(',').map((u) => u.trim()))].filter((u) => u !== '');
  if (usersArg === undefined) return fail('users_list_not_supplied');
  if (ids.length === 0) return fail('not_enough_users');
  if (ids.length > L.mpimMaxUsers) return fail('too_many_users');
  for (const id of ids) {
    const user = ws.users.get(id);
    if (!user || user.teamId !== auth.teamId) return fail('user_not_found');
    if (user.deleted) return fail('user_disabled');
    if (user.isBot) return fail('cannot_dm_bot');
  }
  // The any-of method scope passed; the conversation type still needs its own write scope.
  const needed = ids.length === 1 ? 'im:write' : 'mpim:write';
  if (!auth.scopes.includes(needed)) {
    return fail('missing_scope', { needed, provided: auth.scopes.join(',') });
  }
  const { channel, created } = ids.length === 1 ? ws.ensureIm(auth, ids[0]!) : ws.ensureMpim(auth, ids);
  const body = argBool(args, 'return_im') ? channelToApi(channel, auth) : { id: channel.id };
  return ok({ ...(created ? {} : { no_op: true, already_open: true }), channel: body });
};

const info: MethodHandler = ({ args, auth, core }) => {
  const channel = core.workspace.visibleChannel(argString(args, 'channel') ?? '', auth);
  if (!channel) return fail('channel_not_found');
  return ok({ channel: channelToApi(channel, auth) });
};

const members: MethodHandler = ({ args, auth, core }) => {
  const channel = core.workspace.visibleChannel(argString(args, 'channel') ?? '', auth);
  if (!channel) return fail('channel_not_found');
  const all = [...channel.members].filter((id) => core.workspace.users.get(id)?.deleted !== true);
  const limit = Number(argString(args, 'limit') ?? 100) || 100;
  const start = Number(argString(args, 'cursor') ?? 0) || 0;
  const page = all.slice(start, start + limit);
  const next = start + limit < all.length ? String(start + limit) : '';
  return ok({ members: page, response_metadata: { next_cursor: next } });
};

const join: MethodHandler = ({ args, auth, core }) => {
  const channel = core.workspace.visibleChannel(argString(args, 'channel') ?? '', auth);
  if (!channel) return fail('channel_not_found');
  if (channel.isPrivate || channel.isIm || channel.isMpim)
    return fail('method_not_supported_for_channel_type');
  if (channel.isArchived) return fail('is_archived');
  const already = channel.members.has(auth.botUserId);
  channel.members.add(auth.botUserId);
  const warning = already
    ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
    : {};
  return ok({ channel: channelToApi(channel, auth), ...warning });
};

export const conversationsMethods: Record<string, MethodHandler> = {
  'conversations.open': open,
  'conversations.info': info,
  'conversations.members': members,
  'conversations.join': join,
};
