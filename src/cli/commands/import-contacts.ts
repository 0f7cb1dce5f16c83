import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ImportReport, ImportRow } from '../../core/contacts/contact-import.js';
import { readContactCsv } from '../../infra/csv/contact-csv-reader.js';
import { type CliContext, DEFAULT_CLI_WORKSPACE, withCliContext } from '../cli-context.js';
import { CliError, type CliIo, count, EXIT, line, UsageError } from '../cli-io.js';
import type { CliCommand } from './command.js';

const OPTIONS = {
  workspace: { type: 'string', short: 'w', default: DEFAULT_CLI_WORKSPACE },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: interaction-log import-contacts <file.csv> [--workspace <id>] [--dry-run]

Imports contacts from a CSV file whose first line names the columns (first name, last name
or name, email, phone, organisation, tags, external id, street, city, postal code, country;
English or French headers, "," or ";" separated, UTF-8 or Windows-1252).

A row matching an existing contact (same external id, else same email) updates it. A bad
row is skipped and reported with its line number; the other rows are imported. A file that
cannot be read as CSV is rejected before anything is written.

Options:
  -w, --workspace <id>  CLI workspace key (default "${DEFAULT_CLI_WORKSPACE}")
      --dry-run         check the file and report what would happen, without writing
  -h, --help            show this help

Exit codes: 0 all rows imported, 3 some rows skipped (see the report), 1 the file could not
be read or the import failed, 2 bad options.`;

const PROGRESS_EVERY = 5_000;

function open(file: string) {
  return createReadStream(file);
}

/** The whole file is read once without writing, so a broken file imports nothing. */
async function checkFile(file: string): Promise<number> {
  let rows = 0;
  for await (const _row of readContactCsv(open(file))) rows++;
  return rows;
}

async function* withProgress(
  rows: AsyncIterable<ImportRow>,
  total: number,
  io: CliIo,
): AsyncGenerator<ImportRow> {
  let seen = 0;
  for await (const row of rows) {
    yield row;
    seen++;
    if (seen % PROGRESS_EVERY === 0) line(io.stderr, `… ${count(seen)} / ${count(total)} rows`);
  }
}

function printReport(io: CliIo, file: string, report: ImportReport, dryRun: boolean): void {
  for (const result of report.results) {
    if (result.status === 'skipped')
      line(io.stderr, `${file}: ${result.reason ?? `line ${result.line}: skipped`}`);
  }
  const verb = dryRun ? 'Checked (dry run, nothing written)' : 'Imported';
  line(
    io.stdout,
    `${verb} ${file}: ${count(report.created)} created, ${count(report.updated)} updated, ` +
      `${count(report.skipped)} skipped.`,
  );
}

async function runImport(file: string, total: number, dryRun: boolean, context: CliContext): Promise<number> {
  const { io } = context;
  const rows = withProgress(readContactCsv(open(file)), total, io);
  const report = await context.container.contacts.importContacts(context.actor, rows, { dryRun });
  printReport(io, file, report, dryRun);
  return report.skipped > 0 ? EXIT.partial : EXIT.ok;
}

export const importContactsCommand: CliCommand = {
  name: 'import-contacts',
  summary: 'Import contacts from a CSV file, with a per-row report',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      line(io.stdout, HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('Give exactly one CSV file to import.');
    const file = positionals[0]!;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new CliError(`Cannot read "${file}": no such file.`);
    const total = await checkFile(file);
    const dryRun = values['dry-run'] ?? false;
    return withCliContext(io, values.workspace, (context) => runImport(file, total, dryRun, context));
  },
};
