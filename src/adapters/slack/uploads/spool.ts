import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file written to the temp dir; `dispose` deletes it (safe to call more than once). */
export interface SpooledFile {
  path: string;
  /** Exact byte length: what files.getUploadURLExternal needs before the upload starts. */
  bytes: number;
  dispose(): Promise<void>;
}

/**
 * Writes a lazily produced text/bytes stream to a temp file while counting its bytes. Slack's
 * upload needs the length up front, and holding a large export in memory to learn it is
 * what this avoids: memory stays at one chunk whatever the row count.
 */
export async function spoolToTempFile(
  source: AsyncIterable<string | Buffer>,
  filename: string,
): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'il-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  // The name is ours (exportFilename), but keep only safe characters in a path anyway.
  const path = join(dir, filename.replace(/[^A-Za-z0-9._-]/g, '_') || 'upload.bin');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      bytes += buffer.length;
      done(null, buffer);
    },
  });
  try {
    await pipeline(Readable.from(source, { objectMode: false }), counter, createWriteStream(path));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path, bytes, dispose };
}
