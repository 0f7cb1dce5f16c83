import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { WebClient } from '@slack/web-api';
import { slackErrorCode } from '../notifiers/slack-errors.js';
import { type OnRateLimited, withRateLimitRetry } from './rate-limit.js';
import type { SpooledFile } from './spool.js';

export interface UploadTarget {
  channelId: string;
  filename: string;
  title: string;
  /** The message shown with the file; already escaped mrkdwn. */
  initialComment: string;
}

/** Slack answers these when the bot cannot share into the channel; the user can get a DM instead. */
const CHANNEL_UNAVAILABLE = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'invalid_channel',
]);

export class ChannelUnavailableError extends Error {
  constructor(readonly slackCode: string) {
    super(`The file cannot be shared in this channel (${slackCode})`);
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
): Promise<{ fileId: string }> {
  const ticket = await withRateLimitRetry(
    () => client.files.getUploadURLExternal({ filename: target.filename, length: file.bytes }),
    onRateLimited,
  );
  const { upload_url: uploadUrl, file_id: fileId } = ticket;
  if (!uploadUrl || !fileId) throw new Error('Slack gave no upload URL');
  await postBytes(uploadUrl, file);
  try {
    await withRateLimitRetry(
      () =>
        client.files.completeUploadExternal({
          files: [{ id: fileId, title: target.title }],
          channel_id: target.channelId,
          initial_comment: target.initialComment,
        }),
      onRateLimited,
    );
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && CHANNEL_UNAVAILABLE.has(code)) throw new ChannelUnavailableError(code);
    throw error;
  }
  return { fileId };
}

/** Raw bytes with an exact Content-Length, piped from disk; Slack answers 200 when it has them. */
async function postBytes(url: string, file: SpooledFile): Promise<void> {
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
    pipeline(createReadStream(file.path), req).catch(reject);
  });
}
