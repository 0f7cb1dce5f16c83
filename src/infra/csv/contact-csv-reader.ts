import { pipeline, Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvError, parse } from 'csv-parse';
import { type ImportField, type ImportRow, UNDERSTOOD_COLUMNS } from '../../core/contacts/contact-import.js';
import { ImportFileError } from '../../core/shared/errors.js';
import { foldForSearch } from '../../core/shared/text.js';

/**
 * Header names understood for each import field, compared after folding (case, accents,
 * spaces and punctuation ignored, a trailing number too: "Phone 2" is a phone column).
 */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  firstName: ['first name', 'firstname', 'prénom', 'given name', 'forename', 'first'],
  lastName: ['last name', 'lastname', 'nom', 'surname', 'family name', 'nom de famille', 'last'],
  fullName: ['name', 'full name', 'nom complet', 'contact name'],
  emails: ['email', 'e-mail', 'emails', 'mail', 'courriel', 'email address', 'adresse e-mail'],
  phones: ['phone', 'phones', 'telephone', 'téléphone', 'tel', 'mobile', 'portable', 'phone number', 'cell'],
  organisation: ['organisation', 'organization', 'company', 'société', 'entreprise', 'account'],
  tags: ['tags', 'tag', 'labels', 'étiquettes'],
  externalId: ['external id', 'id', 'reference', 'ref'],
  street: ['street', 'address', 'adresse', 'rue', 'street address'],
  city: ['city', 'ville', 'town'],
  postalCode: ['postal code', 'zip', 'zip code', 'code postal', 'postcode', 'cp'],
  country: ['country', 'pays'],
};

const LIST_FIELDS = new Set<ImportField>(['emails', 'phones', 'tags']);

function headerKey(header: string): string {
  return foldForSearch(header)
    .replace(/[^a-z0-9]/g, '')
    .replace(/\d+$/, '');
}

const FIELD_BY_KEY = new Map<string, ImportField>(
  (Object.entries(HEADER_ALIASES) as [ImportField, string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias): [string, ImportField] => [headerKey(alias), field]),
  ),
);

const MAX_RECORD_CHARS = 1_000_000;

/**
 * Reads a contact CSV as import rows, streaming: a header row naming the columns (see
 * HEADER_ALIASES), a "," or ";" delimiter detected on the header line, UTF-8 with or without
 * BOM (Windows-1252 when the start of the file is not UTF-8, as older Excel versions save it).
 * A file that cannot be read raises ImportFileError with the line. A string input is checked
 * whole before the first row is handed out, so a broken file imports nothing.
 */
export async function* readContactCsv(input: Readable | string): AsyncGenerator<ImportRow> {
  if (typeof input === 'string') {
    for await (const _row of readRows(textOf(input))) {
      // Only the file-level errors matter here.
    }
  }
  yield* readRows(typeof input === 'string' ? textOf(input) : decode(input));
}

async function* readRows(chunks: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  const { delimiter, text } = await sniffDelimiter(unixNewlines(chunks));
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    raw: true, // for the error's line: the text of the broken record
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(text, { objectMode: false });
  // Errors of either side surface through the parser's iterator below.
  pipeline(source, parser, () => {});
  let columns: (ImportField | null)[] | undefined;
  try {
    for await (const entry of parser as AsyncIterable<unknown>) {
      const { record, lines } = parsedEntry(entry);
      if (record.every((cell) => cell.trim() === '')) continue;
      // `lines` is where the record ends; quoted values may span lines.
      const line = lines - record.reduce((sum, cell) => sum + countNewlines(cell), 0);
      if (!columns) {
        columns = mapHeader(record, line);
        continue;
      }
      yield { line, record: toRecord(columns, record) };
    }
  } catch (error) {
    throw toImportFileError(error);
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (!columns) {
    throw new ImportFileError(
      'The file is empty. Its first line must name the columns, e.g. first name;last name;email.',
      1,
    );
  }
}

function parsedEntry(entry: unknown): { record: string[]; lines: number } {
  if (typeof entry === 'object' && entry !== null && 'record' in entry && 'info' in entry) {
    const { record, info } = entry;
    const lines =
      typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number'
        ? info.lines
        : 0;
    if (Array.isArray(record)) return { record: record.map(String), lines };
  }
  throw new ImportFileError('The file could not be read as CSV.');
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}

function mapHeader(header: string[], line: number): (ImportField | null)[] {
  const columns = header.map((cell) => FIELD_BY_KEY.get(headerKey(cell)) ?? null);
  if (columns.some((field) => field === 'firstName' || field === 'lastName' || field === 'fullName'))
    return columns;
  const looksLikeData = header.some((cell) => cell.includes('@') || /\d{4,}/.test(cell));
  throw new ImportFileError(
    looksLikeData
      ? `The first line must name the columns, but it looks like a contact. Add a header line; the columns understood are: ${UNDERSTOOD_COLUMNS}.`
      : `No name column found (the header has: ${header
          .map((cell) => cell.trim())
          .filter(Boolean)
          .slice(0, 12)
          .join(', ')}). The columns understood are: ${UNDERSTOOD_COLUMNS}.`,
    line,
  );
}

/** List fields from several columns ("Phone", "Mobile") are joined; for others the first non-empty wins. */
function toRecord(columns: (ImportField | null)[], cells: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  columns.forEach((field, index) => {
    const value = (cells[index] ?? '').trim();
    if (!field || value === '') return;
    const previous = record[field];
    if (previous === undefined) record[field] = value;
    else if (LIST_FIELDS.has(field)) record[field] = `${previous};${value}`;
  });
  return record;
}

function toImportFileError(error: unknown): Error {
  if (error instanceof ImportFileError) return error;
  if (!(error instanceof CsvError)) return error instanceof Error ? error : new Error(String(error));
  // The parser reports the line it stopped on; the broken record (raw) starts further up.
  // At the end of input a final line break is not counted as starting a new line.
  const raw = typeof error.raw === 'string' ? error.raw.replace(/^\n+/, '') : '';
  const lines = typeof error.lines === 'number' ? error.lines : undefined;
  const line =
    lines === undefined ? undefined : Math.max(1, lines - countNewlines(raw) + (raw.endsWith('\n') ? 1 : 0));
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError(
        'A quoted value starting on this line is never closed (a " is missing).',
        line,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError('A row is far too long; is a quote (") left open?', line);
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new ImportFileError(
        'A quote (") is misplaced. Values holding quotes must be wrapped in quotes, with inner quotes doubled ("").',
        line,
      );
    default:
      return new ImportFileError(`The file could not be read as CSV (${error.message}).`, line);
  }
}

async function* textOf(text: string): AsyncGenerator<string> {
  yield text;
}

/**
 * CRLF and lone CR become LF before parsing: csv-parse counts a CRLF inside a quoted value as
 * two lines, which would put every later line number off; values then hold plain "\n" too.
 */
async function* unixNewlines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carriageReturn = false;
  for await (const piece of chunks) {
    let chunk: string = carriageReturn ? `\r${piece}` : piece;
    carriageReturn = chunk.endsWith('\r');
    if (carriageReturn) chunk = chunk.slice(0, -1);
    if (chunk) yield chunk.replace(/\r\n?/g, '\n');
  }
  if (carriageReturn) yield '\n';
}

/** Bytes to text: UTF-8, unless the first chunk is not valid UTF-8 (then Windows-1252). */
async function* decode(input: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of input as AsyncIterable<unknown>) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (!(chunk instanceof Uint8Array)) throw new ImportFileError('The file could not be read as text.');
    if (!decoder) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
        decoder = new TextDecoder('utf-8');
      } catch {
        decoder = new TextDecoder('windows-1252');
      }
    }
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/**
 * Reads up to the end of the header line, picks the delimiter it uses most (outside quotes),
 * and hands back the whole text again, the header included.
 */
async function sniffDelimiter(
  chunks: AsyncIterable<string>,
): Promise<{ delimiter: string; text: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!head.includes('\n')) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  if (head.slice(0, 4096).includes('\u0000')) {
    throw new ImportFileError(
      'This is not a CSV file (a spreadsheet such as .xlsx?). Save it as CSV first.',
      1,
    );
  }
  const counts = { ',': 0, ';': 0 };
  let quoted = false;
  for (const char of head.split('\n')[0] ?? '') {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';')) counts[char]++;
  }
  async function* replay(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { delimiter: counts[';'] > counts[','] ? ';' : ',', text: replay() };
}
