import { validateMessageBlocks, withBlockIds } from '../block-kit.js';
import { isObject } from '../block-kit-checks.js';
import type { FakeCore } from '../core.js';
import { SLACK_LIMITS as L } from '../limits.js';
import type { FakeChannel, JsonObject, StoredFile } from '../types.js';
import { PERMALINK_ORIGIN } from './chat.js';
import { argString, fail, failWithMessages, type MethodHandler, ok } from './registry.js';

const MIME: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
};

export function fileToApi(core: FakeCore, file: StoredFile, withShares: boolean): JsonObject {
  const ext = file.filename.includes('.') ? file.filename.split('.').pop()!.toLowerCase() : 'binary';
  const shares: Record<string, Record<string, JsonObject[]>> = { public: {}, private: {} };
  for (const channelId of file.channels) {
    const channel = core.workspace.channels.get(channelId);
    const kind = channel && !channel.isPrivate ? 'public' : 'private';
    shares[kind]![channelId] = [
      { ts: file.shareTs?.[channelId] ?? '', channel_name: channel?.name ?? '', team_id: file.teamId },
    ];
  }
  return {
    id: file.id,
    created: Math.floor(file.created / 1000),
    timestamp: Math.floor(file.created / 1000),
    name: file.filename,
    title: file.title,
    mimetype: MIME[ext] ?? 'application/octet-stream',
    filetype: ext,
    user: file.user,
    size: file.content?.length ?? 0,
    url_private: `${core.origin}/files-pri/${file.id}/${encodeURIComponent(file.filename)}`,
    url_private_download: `${core.origin}/files-pri/${file.id}/download/${encodeURIComponent(file.filename)}`,
    permalink: `${PERMALINK_ORIGIN}/files/${file.user}/${file.id}/${encodeURIComponent(file.filename)}`,
    channels: file.channels.filter((c) => !core.workspace.channels.get(c)?.isPrivate),
    groups: file.channels.filter((c) => core.workspace.channels.get(c)?.isPrivate),
    ...(withShares && file.channels.length > 0 ? { shares } : {}),
  };
}

const getUploadURLExternal: MethodHandler = ({ args, auth, core }) => {
  const filename = argString(args, 'filename');
  const lengthArg = argString(args, 'length');
  const missing = [filename === undefined ? 'filename' : '', lengthArg === undefined ? 'length' : ''].filter(
    Boolean,
  );
  if (missing.length > 0) {
    return failWithMessages(
      'invalid_arguments',
      missing.map((m) => `missing required field: ${m}`),
      false,
    );
  }
  const length = Number(lengthArg);
  // Documented: missing_argument "typically only occurs when the length provided is 0".
  if (length === 0) return fail('missing_argument');
  if (!Number.isInteger(length) || length < 0) {
    return failWithMessages(
      'invalid_arguments',
      ['must be greater than or equal to 1 [json-pointer:/length]'],
      false,
    );
  }
  const altText = argString(args, 'alt_txt') ?? argString(args, 'alt_text');
  if (altText !== undefined && altText.length > L.fileAltText) return fail('alt_txt_too_large');
  const file = core.files.create({
    teamId: auth.teamId,
    user: auth.botUserId,
    filename: filename!,
    title: filename!,
    length,
    altText,
    snippetType: argString(args, 'snippet_type'),
    created: core.now(),
  });
  return ok({ upload_url: `${core.origin}/upload/v1/${file.id}`, file_id: file.id });
};

type ShareTarget = { ok: true; channel?: FakeChannel } | { ok: false; reply: JsonObject };

function shareTarget(core: FakeCore, ctx: Parameters<MethodHandler>[0]): ShareTarget {
  const { args, auth } = ctx;
  const raw = argString(args, 'channel_id') ?? argString(args, 'channels');
  if (raw === undefined || raw === '') return { ok: true };
  const ids = raw.split(',').map((c) => c.trim());
  if (ids.length > 1) return { ok: false, reply: fail('invalid_channel') };
  const channel = core.workspace.visibleChannel(ids[0]!, auth);
  if (!channel) return { ok: false, reply: fail('channel_not_found') };
  if (channel.isArchived) return { ok: false, reply: fail('is_archived') };
  // Real membership is required here even with chat:write.public (getnao/nao#1372).
  if (!channel.members.has(auth.botUserId)) return { ok: false, reply: fail('not_in_channel') };
  return { ok: true, channel };
}

const completeUploadExternal: MethodHandler = (ctx) => {
  const { args, auth, core } = ctx;
  const entries = args.files;
  if (!Array.isArray(entries) || entries.length === 0 || !entries.every(isObject)) {
    return failWithMessages(
      'invalid_arguments',
      ['must provide an array of {id, title} [json-pointer:/files]'],
      false,
    );
  }
  const files: StoredFile[] = [];
  for (const entry of entries) {
    const file = typeof entry.id === 'string' ? core.files.get(entry.id) : undefined;
    // Never uploaded (no bytes), already completed, or another team's: all file_not_found.
    if (!file || file.teamId !== auth.teamId || file.content === undefined || file.completed) {
      return fail('file_not_found');
    }
    files.push(file);
  }
  const target = shareTarget(core, ctx);
  if (!target.ok) return target.reply;
  const comment = argString(args, 'initial_comment');
  let blocks: JsonObject[] | undefined;
  if (comment === undefined && args.blocks !== undefined) {
    const verdict = validateMessageBlocks(args.blocks, { textLimit: core.options.msgBlocksTextLimit });
    if (!verdict.ok) return failWithMessages(verdict.error, verdict.errors, true);
    blocks = Array.isArray(args.blocks) ? withBlockIds(args.blocks, core.newBlockId) : undefined;
  }
  files.forEach((file, i) => {
    file.completed = true;
    const title = entries[i]?.title;
    if (typeof title === 'string' && title !== '') file.title = title;
    file.initialComment = comment;
    file.threadTs = argString(args, 'thread_ts');
  });
  if (target.channel) shareInChannel(core, ctx, target.channel, files, comment, blocks);
  // Shares are asynchronous on Slack: this answer never lists them (files.info does).
  return ok({ files: files.map((f) => fileToApi(core, f, false)) });
};

function shareInChannel(
  core: FakeCore,
  { args, auth }: Parameters<MethodHandler>[0],
  channel: FakeChannel,
  files: StoredFile[],
  comment: string | undefined,
  blocks: JsonObject[] | undefined,
): void {
  const ts = core.messages.nextTs(channel.id, core.now());
  for (const file of files) {
    file.channels.push(channel.id);
    file.shareTs = { ...file.shareTs, [channel.id]: ts };
  }
  const threadTs = argString(args, 'thread_ts');
  core.messages.add({
    type: 'message',
    channel: channel.id,
    ts,
    user: auth.botUserId,
    bot_id: auth.botId,
    app_id: auth.appId,
    team: auth.teamId,
    text: comment ?? '',
    ...(blocks ? { blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
    files: files.map((f) => fileToApi(core, f, false)),
    via: 'file_share',
  });
}

const info: MethodHandler = ({ args, auth, core }) => {
  const file = core.files.get(argString(args, 'file') ?? '');
  if (!file || file.teamId !== auth.teamId || !file.completed) return fail('file_not_found');
  return ok({ file: fileToApi(core, file, true), comments: [], response_metadata: { next_cursor: '' } });
};

/** The POST of the bytes to upload_url: multipart field `body` or raw bytes; answers 200. */
export function handleUpload(
  core: FakeCore,
  fileId: string,
  bytes: Buffer,
): { status: number; text: string } {
  const file = core.files.get(fileId);
  if (!file || file.completed) return { status: 404, text: 'Not Found' };
  file.content = bytes;
  return { status: 200, text: `OK - ${bytes.length}` };
}

export const filesMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'files.info': info,
};
