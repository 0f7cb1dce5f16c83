import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { Block, KnownBlock, WebClient } from '@slack/web-api';
import { slackErrorCode } from '../notifiers/slack-errors.js';
import { type OnRateLimited, withRateLimitRetry } from './rate-limit.js';
import type { SpooledFile } from './spool.js';

export interface UploadTarget {
  channelId: string;
  filename: string;
  title: string;
  /** The message shown with the file; already escaped mrkdwn. Slack ignores `blocks` when it is set. */
  initialComment?: string;
  /** The message shown with the file as blocks (the report); used when there is no initialComment. */
  blocks?: (KnownBlock | Block)[];
}

export interface UploadOptions {
  /**
   * Give up on the byte upload after this long without progress. A background delivery must
   * not hang past its crash-detection window; an idle (not total) limit leaves big files alone.
   */
  idleTimeoutMs?: number;
}

/** Slack answers these when the bot cannot share into the channel; the user can get a DM instead. */
const CHANNEL_UNAVAILABLE = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'invalid_channel',
]);

export class ChannelUnavailableError extends Error {
  /** `cause` is Slack's own error, for callers that map Slack errors themselves. */
  constructor(
    readonly slackCode: string,
    options?: ErrorOptions,
  ) {
    super(`The file cannot be shared in this channel (${slackCode})`, options);
  }
}

/**
 * The external upload flow (files.getUploadURLExternal → POST the bytes → files
 * .completeUploadExternal with channel_id) from a spooled file, streamed from disk so a
 * large export never sits in memory. WebClient.files.uploadV2 would read the whole file
 * into a Buffer first, which is why the flow is spelled out here.
 */
export async function uploadToChannel(
  client: WebClient,
  file: SpooledFile,
  target: UploadTarget,
  onRateLimited: OnRateLimited,
  options: UploadOptions = {},
): Promise<{ fileId: string }> {
  const ticket = await withRateLimitRetry(
    () => client.files.getUploadURLExternal({ filename: target.filename, length: file.bytes }),
    onRateLimited,
  );
  const { upload_url: uploadUrl, file_id: fileId } = ticket;
  if (!uploadUrl || !fileId) throw new Error('Slack gave no upload URL');
  await postBytes(uploadUrl, file, options);
  try {
    await withRateLimitRetry(
      () =>
        client.files.completeUploadExternal({
          files: [{ id: fileId, title: target.title }],
          channel_id: target.channelId,
          initial_comment: target.initialComment,
          blocks: target.blocks,
        }),
      onRateLimited,
    );
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && CHANNEL_UNAVAILABLE.has(code))
      throw new ChannelUnavailableError(code, { cause: error });
    throw error;
  }
  return { fileId };
}

/** Raw bytes with an exact Content-Length, piped from disk; Slack answers 200 when it has them. */
async function postBytes(url: string, file: SpooledFile, options: UploadOptions): Promise<void> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  await new Promise<void>((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200
          ? resolve()
          : reject(new Error(`Slack refused the file upload (HTTP ${res.statusCode ?? 'no status'})`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    const idle = options.idleTimeoutMs;
    if (idle !== undefined) {
      req.setTimeout(idle, () =>
        req.destroy(new Error(`Slack took no file bytes for ${Math.round(idle / 1000)} s`)),
      );
    }
    pipeline(createReadStream(file.path), req).catch(reject);
  });
}
