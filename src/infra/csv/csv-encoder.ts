import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CsvEncoder } from '../../core/exports/csv-encoder.port.js';

export interface CsvEncoderOptions {
  /** A UTF-8 byte-order mark first, so Excel reads accents correctly (default true). */
  bom?: boolean;
  /** Output is handed over in pieces of about this many characters (default 64 KiB). */
  chunkSize?: number;
}

/**
 * CSV through csv-stringify's streaming API (RFC 4180 quoting: fields holding a comma, quote,
 * CR or LF are quoted, quotes doubled). Rows are pulled through a pipeline, so backpressure
 * from the reader reaches the row source, and a reader that stops early destroys the
 * pipeline, which closes the source (and its database cursor).
 */
export function createCsvEncoder(options: CsvEncoderOptions = {}): CsvEncoder {
  const bom = options.bom ?? true;
  const chunkSize = options.chunkSize ?? 64 * 1024;
  return {
    async *encode(header, rows) {
      const stringifier = stringify({ bom });
      const source = Readable.from(withHeader(header, rows), { objectMode: true, highWaterMark: 64 });
      const piped = pipeline(source, stringifier).catch((error: unknown) => {
        stringifier.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      let pending = '';
      try {
        for await (const piece of stringifier) {
          pending += typeof piece === 'string' ? piece : String(piece);
          if (pending.length >= chunkSize) {
            yield pending;
            pending = '';
          }
        }
        if (pending.length > 0) yield pending;
      } finally {
        if (!stringifier.destroyed) stringifier.destroy();
        await piped;
      }
    },
  };
}

/** The header is just the first record, so rows stay plain arrays (no per-row objects). */
async function* withHeader(
  header: readonly string[],
  rows: AsyncIterable<readonly string[]>,
): AsyncGenerator<readonly string[]> {
  yield header;
  yield* rows;
}
