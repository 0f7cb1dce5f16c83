import { stringify } from 'csv-stringify/sync';
import type { CsvEncoder } from '../../core/exports/csv-encoder.port.js';

export interface CsvEncoderOptions {
  /** A UTF-8 byte-order mark first, so Excel reads accents correctly (default true). */
  bom?: boolean;
  /** Output is handed over in pieces of about this many characters (default 64 KiB). */
  chunkSize?: number;
}

/**
 * CSV through csv-stringify (RFC 4180 quoting: fields holding a comma, quote, CR or LF are
 * quoted, quotes doubled). Each batch of rows is encoded by the synchronous stringifier with the
 * same options as the streaming one, so the bytes are the same; skipping a Node stream per
 * export and a promise per row is most of the export's speed. Batches are pulled only as the
 * reader asks for output, and a reader that stops early returns the row source (closing its
 * database cursor).
 */
export function createCsvEncoder(options: CsvEncoderOptions = {}): CsvEncoder {
  const bom = options.bom ?? true;
  const chunkSize = options.chunkSize ?? 64 * 1024;
  return {
    async *encode(header, batches) {
      let pending = stringify([[...header]], { bom });
      if (pending.length >= chunkSize) {
        yield pending;
        pending = '';
      }
      for await (const rows of batches) {
        if (rows.length === 0) continue;
        pending += stringify(rows);
        if (pending.length >= chunkSize) {
          yield pending;
          pending = '';
        }
      }
      if (pending.length > 0) yield pending;
    },
  };
}
