import type { CsvEncoder } from '../../core/exports/csv-encoder.port.js';

export interface CsvEncoderOptions {
  /** A UTF-8 byte-order mark first, so Excel reads accents correctly (default true). */
  bom?: boolean;
  /** Output is handed over in pieces of about this many characters (default 64 KiB). */
  chunkSize?: number;
}

const BOM = '\uFEFF';
/** What makes csv-stringify quote a text cell with its default options: a comma, a quote, CR or LF. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

/**
 * One cell as csv-stringify writes a string with its default options (RFC 4180): as it is,
 * unless it holds a comma, a quote, CR or LF; then quoted, its quotes doubled. An empty cell
 * stays empty. test/infra/csv/csv-encoder.test.ts checks it against csv-stringify itself.
 */
function encodeCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTES, '""')}"` : cell;
}

function encodeRow(row: readonly string[]): string {
  let line = row.length > 0 ? encodeCell(row[0]!) : '';
  for (let index = 1; index < row.length; index++) line += `,${encodeCell(row[index]!)}`;
  return `${line}\n`;
}

/**
 * CSV the way csv-stringify writes rows of text with its default options, byte for byte. The
 * cells are always text (the core makes them so), the one case where its rules come down to
 * the few lines above; its general path (casts, options per cell, separators of any length)
 * cost as much as reading the rows from SQLite in a million-row export. Batches are pulled
 * only as the reader asks for output, and a reader that stops early returns the row source
 * (closing its database cursor).
 */
export function createCsvEncoder(options: CsvEncoderOptions = {}): CsvEncoder {
  const bom = options.bom ?? true;
  const chunkSize = options.chunkSize ?? 64 * 1024;
  return {
    async *encode(header, batches) {
      let pending = (bom ? BOM : '') + encodeRow(header);
      if (pending.length >= chunkSize) {
        yield pending;
        pending = '';
      }
      for await (const rows of batches) {
        for (const row of rows) pending += encodeRow(row);
        if (pending.length >= chunkSize) {
          yield pending;
          pending = '';
        }
      }
      if (pending.length > 0) yield pending;
    },
  };
}
