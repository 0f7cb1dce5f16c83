import { validateMessageBlocks, withBlockIds } from '../block-kit.js';
import type { FakeCore } from '../core.js';
import { SLACK_LIMITS as L } from '../limits.js';
import type { FakeChannel, FakeToken, JsonObject, StoredMessage } from '../types.js';
import { argString, fail, failWithMessages, type MethodHandler, ok } from './registry.js';

export const PERMALINK_ORIGIN = 'https://fake.slack.test';

type Content =
  | { ok: true; text: string; blocks?: JsonObject[]; attachments?: unknown[]; warnings: string[] }
  | { ok: false; reply: JsonObject };

/**
 * text / blocks / attachments as Slack checks them. `longText` says what happens past
 * 40,000 chars: chat.postMessage truncates with a warning, the others answer msg_too_long.
 */
export function checkContent(core: FakeCore, args: JsonObject, longText: 'truncate' | 'reject'): Content {
  let text = argString(args, 'text') ?? '';
  const warnings: string[] = [];
  let blocks: JsonObject[] | undefined;
  if (args.blocks !== undefined) {
    const verdict = validateMessageBlocks(args.blocks, { textLimit: core.options.msgBlocksTextLimit });
    if (!verdict.ok) return { ok: false, reply: failWithMessages(verdict.error, verdict.errors, true) };
    blocks = Array.isArray(args.blocks) ? withBlockIds(args.blocks, core.newBlockId) : undefined;
  }
  const attachments = Array.isArray(args.attachments) ? args.attachments : undefined;
  if (attachments && attachments.length > 100) return { ok: false, reply: fail('too_many_attachments') };
  if (text === '' && !blocks?.length && !attachments?.length) return { ok: false, reply: fail('no_text') };
  if (text.length > L.messageTextChars) {
    if (longText === 'reject') return { ok: false, reply: fail('msg_too_long') };
    text = text.slice(0, L.messageTextChars);
    warnings.push('message_truncated');
  }
  return { ok: true, text, blocks, attachments, warnings };
}

type Target = { ok: true; channel: FakeChannel } | { ok: false; reply: JsonObject };

/** Where a message may be posted: visible, not archived, and the bot can write there. */
export function postingTarget(core: FakeCore, auth: FakeToken, channelArg: string | undefined): Target {
  if (!channelArg) return { ok: false, reply: fail('channel_not_found') };
  const ws = core.workspace;
  // A user id as `channel` posts to the bot's DM with that user (the app's Messages tab).
  const dmUser = ws.users.get(channelArg);
  if (dmUser && dmUser.teamId === auth.teamId && !dmUser.isBot) {
    return { ok: true, channel: ws.ensureIm(auth, dmUser.id).channel };
  }
  const channel = ws.visibleChannel(channelArg, auth);
  if (!channel) return { ok: false, reply: fail('channel_not_found') };
  if (channel.isArchived) return { ok: false, reply: fail('is_archived') };
  const canPostPublic = !channel.isPrivate && auth.scopes.includes('chat:write.public');
  if (!channel.members.has(auth.botUserId) && !canPostPublic)
    return { ok: false, reply: fail('not_in_channel') };
  return { ok: true, channel };
}

export function messageToApi(message: StoredMessage): JsonObject {
  const { via: _via, channel: _channel, ...rest } = message;
  return { ...rest, bot_profile: { id: message.bot_id, app_id: message.app_id, team_id: message.team } };
}

function withWarnings(body: JsonObject, warnings: string[]): JsonObject {
  if (warnings.length === 0) return body;
  const messages = [
    '[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.',
  ];
  return { ...body, response_metadata: { warnings, messages } };
}

const postMessage: MethodHandler = ({ args, auth, core }) => {
  const target = postingTarget(core, auth, argString(args, 'channel'));
  if (!target.ok) return target.reply;
  const content = checkContent(core, args, 'truncate');
  if (!content.ok) return content.reply;
  const channel = target.channel.id;
  const message = core.messages.add({
    type: 'message',
    channel,
    ts: core.messages.nextTs(channel, core.now()),
    user: auth.botUserId,
    bot_id: auth.botId,
    app_id: auth.appId,
    team: auth.teamId,
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
    ...(argString(args, 'thread_ts') ? { thread_ts: argString(args, 'thread_ts') } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
    via: 'api',
  });
  return withWarnings(ok({ channel, ts: message.ts, message: messageToApi(message) }), content.warnings);
};

const postEphemeral: MethodHandler = ({ args, auth, core }) => {
  const target = postingTarget(core, auth, argString(args, 'channel'));
  if (!target.ok) return target.reply;
  const userId = argString(args, 'user') ?? '';
  const user = core.workspace.users.get(userId);
  if (!user || user.deleted || !target.channel.members.has(userId)) return fail('user_not_in_channel');
  const content = checkContent(core, args, 'reject');
  if (!content.ok) return content.reply;
  const channel = target.channel.id;
  const messageTs = core.messages.nextTs(channel, core.now());
  core.messages.addEphemeral({
    channel,
    user: userId,
    message_ts: messageTs,
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(argString(args, 'thread_ts') ? { thread_ts: argString(args, 'thread_ts') } : {}),
    via: 'api',
  });
  return ok({ message_ts: messageTs });
};

type Found = { ok: true; channel: FakeChannel; message: StoredMessage } | { ok: false; reply: JsonObject };

function ownMessage(core: FakeCore, auth: FakeToken, args: JsonObject, tsKey: string, denied: string): Found {
  const channel = core.workspace.visibleChannel(argString(args, 'channel') ?? '', auth);
  if (!channel) return { ok: false, reply: fail('channel_not_found') };
  const message = core.messages.find(channel.id, argString(args, tsKey) ?? '');
  if (!message) return { ok: false, reply: fail('message_not_found') };
  if (message.user !== auth.botUserId) return { ok: false, reply: fail(denied) };
  if (channel.isArchived) return { ok: false, reply: fail('is_archived') };
  return { ok: true, channel, message };
}

const update: MethodHandler = ({ args, auth, core }) => {
  const found = ownMessage(core, auth, args, 'ts', 'cant_update_message');
  if (!found.ok) return found.reply;
  const content = checkContent(core, args, 'reject');
  if (!content.ok) return content.reply;
  const { message } = found;
  // Slack keeps the previous blocks when `blocks` is omitted, and replaces the text.
  message.text = content.text;
  if (content.blocks) message.blocks = content.blocks;
  if (content.attachments) message.attachments = content.attachments;
  message.edited = { user: auth.botUserId, ts: core.messages.nextTs(found.channel.id, core.now()) };
  return ok({
    channel: found.channel.id,
    ts: message.ts,
    text: message.text,
    message: messageToApi(message),
  });
};

const remove: MethodHandler = ({ args, auth, core }) => {
  const found = ownMessage(core, auth, args, 'ts', 'cant_delete_message');
  if (!found.ok) return found.reply;
  core.messages.remove(found.channel.id, found.message.ts);
  return ok({ channel: found.channel.id, ts: found.message.ts });
};

const getPermalink: MethodHandler = ({ args, auth, core }) => {
  const channel = core.workspace.visibleChannel(argString(args, 'channel') ?? '', auth);
  if (!channel) return fail('channel_not_found');
  const message = core.messages.find(channel.id, argString(args, 'message_ts') ?? '');
  if (!message) return fail('message_not_found');
  const base = `${PERMALINK_ORIGIN}/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const permalink = inThread ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base;
  return ok({ channel: channel.id, permalink });
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
};
