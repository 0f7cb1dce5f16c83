import { validateMessageBlocks, withBlockIds } from './block-kit.js';
import type { FakeCore } from './core.js';
import { SLACK_LIMITS as L } from './limits.js';
import type { JsonObject } from './types.js';

interface ResponseUrl {
  id: string;
  teamId: string;
  channel: string;
  user: string;
  /** The message the interaction came from: what replace_original / delete_original act on. */
  messageTs?: string;
  createdAt: number;
  uses: number;
}

export interface ResponseUrlOptions {
  teamId?: string;
  messageTs?: string;
}

export interface HttpReply {
  status: number;
  body: JsonObject;
}

export class ResponseUrlStore {
  private readonly urls = new Map<string, ResponseUrl>();
  private counter = 0;

  clear(): void {
    this.urls.clear();
    this.counter = 0;
  }

  create(channel: string, user: string, teamId: string, now: number, messageTs?: string): string {
    this.counter += 1;
    const id = `${teamId}/${this.counter}/${Math.floor(now / 1000).toString(36)}`;
    this.urls.set(id, { id, teamId, channel, user, messageTs, createdAt: now, uses: 0 });
    return id;
  }

  get(id: string): ResponseUrl | undefined {
    return this.urls.get(id);
  }
}

/**
 * A POST to a response_url. Slack allows 5 uses within 30 minutes; after that (or for an
 * unknown url) it answers HTTP 404, which Bolt v5's respond() turns into a RespondError.
 * Unlike chat.postMessage, a response_url needs no channel membership.
 */
export function handleResponseUrl(core: FakeCore, id: string, body: JsonObject): HttpReply {
  const url = core.responseUrls.get(id);
  const now = core.now();
  if (!url || url.uses >= L.responseUrlUses || now - url.createdAt > L.responseUrlTtlMs) {
    return { status: 404, body: { ok: false, error: 'expired_url' } };
  }
  const ts = url.messageTs;
  const original = ts === undefined ? undefined : core.messages.find(url.channel, ts);
  if (body.delete_original === true || body.delete_original === 'true') {
    url.uses += 1;
    if (original) core.messages.remove(url.channel, original.ts);
    return { status: 200, body: { ok: true } };
  }
  let blocks: JsonObject[] | undefined;
  if (body.blocks !== undefined) {
    const verdict = validateMessageBlocks(body.blocks, { textLimit: core.options.msgBlocksTextLimit });
    if (!verdict.ok)
      return { status: 400, body: { ok: false, error: verdict.error, errors: verdict.errors } };
    blocks = Array.isArray(body.blocks) ? withBlockIds(body.blocks, core.newBlockId) : undefined;
  }
  const text = typeof body.text === 'string' ? body.text : '';
  if (text === '' && !blocks?.length) return { status: 400, body: { ok: false, error: 'no_text' } };
  url.uses += 1;
  const replace = body.replace_original === true || body.replace_original === 'true';
  if (replace && original) {
    original.text = text;
    original.blocks = blocks;
    original.edited = { user: original.user, ts: core.messages.nextTs(url.channel, now) };
  } else if (body.response_type === 'in_channel') {
    postAsApp(core, url, text, blocks, typeof body.thread_ts === 'string' ? body.thread_ts : undefined);
  } else {
    core.messages.addEphemeral({
      channel: url.channel,
      user: url.user,
      message_ts: core.messages.nextTs(url.channel, now),
      text,
      ...(blocks ? { blocks } : {}),
      via: 'response_url',
    });
  }
  return { status: 200, body: { ok: true } };
}

function postAsApp(
  core: FakeCore,
  url: ResponseUrl,
  text: string,
  blocks?: JsonObject[],
  threadTs?: string,
): void {
  const token = [...core.workspace.tokens.values()].find((t) => t.teamId === url.teamId);
  core.messages.add({
    type: 'message',
    channel: url.channel,
    ts: core.messages.nextTs(url.channel, core.now()),
    user: token?.botUserId ?? '',
    bot_id: token?.botId ?? '',
    app_id: token?.appId ?? '',
    team: url.teamId,
    text,
    ...(blocks ? { blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    via: 'response_url',
  });
}
