import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SQLITE_FILE_NAME } from '../../app/open-storage.js';
import { loadConfig } from '../../infra/config/env.js';
import { backupSqliteFile } from '../../infra/sqlite/backup.js';
import { type CliIo, count, EXIT, line, stderrLogger, UsageError } from '../cli-io.js';
import type { CliCommand } from './command.js';
import { runCopy } from './db-copy.js';
import { configuredEndpoint, ENDPOINT_FORMS, parseEndpoint } from './db-endpoints.js';

const HELP = `Usage: interaction-log db copy --to <store> [--from <store>] [--batch-size N]
       interaction-log db copy --from-embedded-ferretdb
       interaction-log db backup FILE [--from FILE.sqlite] [--force]

db copy: copies every table (workspaces, members, contacts, organisations, interactions, audit,
claims, deliveries, Teams conversations, Slack installations) from one store to another, a
batch at a time. Records the target already holds are skipped, so a copy that was interrupted
is finished by running the same command again. At the end it prints each table's count at
both ends and exits 1 if any differ. Scheduled jobs are not copied: the target's reminders
are rebuilt from the open follow-ups. Stop the app while copying.

  --from <store>   default: the store the app uses (MONGODB_URI, or the SQLite file under DATA_DIR)
  --to <store>     where to copy to
  --from-embedded-ferretdb
                   move the embedded FerretDB database of an earlier version (DATA_DIR/ferretdb)
                   into the SQLite file DATA_DIR/${SQLITE_FILE_NAME}; starts that FerretDB
                   once (it needs Go if it was never built on this machine)
  --batch-size N   records per round trip (default 1000)

A store is one of:
${ENDPOINT_FORMS}

db backup FILE: an online backup of the SQLite file (the app may keep running) to FILE, then
opens FILE and checks it (integrity check, rows per table). FILE must not exist unless --force.

  --from FILE      the SQLite file to back up (default: DATA_DIR/${SQLITE_FILE_NAME})
  --force          replace FILE if it exists

Exit codes: 0 done, 1 failed or counts differ, 2 bad options.`;

const COPY_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  'from-embedded-ferretdb': { type: 'boolean' },
  'batch-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const BACKUP_OPTIONS = {
  from: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function batchSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) {
    throw new UsageError(`--batch-size must be a whole number from 1 to 100000, got "${text}".`);
  }
  return value;
}

async function copy(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: COPY_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) {
    line(io.stdout, HELP);
    return EXIT.ok;
  }
  const config = loadConfig(io.env);
  const logger = stderrLogger(io.stderr, io.env.LOG_LEVEL || 'warn');
  const options = { batchSize: batchSize(values['batch-size']) };
  if (values['from-embedded-ferretdb']) {
    if (values.from || values.to) throw new UsageError('--from-embedded-ferretdb takes no --from or --to.');
    const from = { kind: 'ferretdb', dataDir: config.DATA_DIR } as const;
    const to = { kind: 'sqlite', path: join(config.DATA_DIR, SQLITE_FILE_NAME) } as const;
    return runCopy(from, to, io, logger, options);
  }
  if (!values.to) throw new UsageError('--to is required (or --from-embedded-ferretdb).');
  const from = values.from ? parseEndpoint(values.from, 'from') : configuredEndpoint(config);
  return runCopy(from, parseEndpoint(values.to, 'to'), io, logger, options);
}

async function backup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: BACKUP_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    line(io.stdout, HELP);
    return EXIT.ok;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('db backup takes one FILE.');
  const source = values.from ?? join(loadConfig(io.env).DATA_DIR, SQLITE_FILE_NAME);
  const report = await backupSqliteFile(source, file, { overwrite: values.force === true });
  const rows = report.tables.reduce((sum, table) => sum + table.copy, 0);
  line(io.stdout, `Backed up ${source} -> ${file}: ${count(report.bytes)} bytes.`);
  line(
    io.stdout,
    `Check: integrity ${report.integrity}; ${count(report.tables.length)} tables, ${count(rows)} rows (${report.tables
      .filter((table) => table.copy > 0)
      .map((table) => `${table.table} ${count(table.copy)}`)
      .join(', ')}).`,
  );
  if (report.integrity !== 'ok') {
    line(io.stderr, 'error: the backup failed its integrity check; do not rely on it.');
    return EXIT.failed;
  }
  return EXIT.ok;
}

export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'copy the data to another store (SQLite <-> MongoDB), or back up the SQLite file',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const [action, ...rest] = args;
    if (action === 'copy') return copy(rest, io);
    if (action === 'backup') return backup(rest, io);
    if (action === '--help' || action === '-h') {
      line(io.stdout, HELP);
      return EXIT.ok;
    }
    throw new UsageError(
      action ? `unknown db action "${action}": use copy or backup.` : 'db needs copy or backup.',
    );
  },
};
