import { rmSync, writeFileSync } from 'node:fs';
import { copyInProgressMarker } from '../../app/earlier-store-check.js';
import type { Logger } from '../../core/shared/ports.js';
import { type CopyOptions, type CopyReport, copyStore } from '../../infra/transfer/copy-store.js';
import type { TransferStore } from '../../infra/transfer/transfer-tables.js';
import { type CliIo, count, EXIT, line, UsageError } from '../cli-io.js';
import { describeEndpoint, type Endpoint, openEndpoint, sameEndpoint } from './db-endpoints.js';

const PROGRESS_EVERY = 50_000;

const TABLE_LABELS: Record<string, string> = {
  workspaces: 'workspaces',
  members: 'members',
  organisations: 'organisations',
  contacts: 'contacts',
  interactions: 'interactions',
  audit: 'audit entries',
  claims: 'claims',
  deliveryPending: 'deliveries pending',
  deliveryOutcomes: 'delivery outcomes',
  deliveryAttempts: 'delivery attempts',
  conversationRefs: 'Teams conversations',
  slackInstallations: 'Slack installations',
};

function printReport(io: CliIo, report: CopyReport): void {
  const rows = report.tables.map((t) => [
    TABLE_LABELS[t.table] ?? t.table,
    count(t.source),
    count(t.written),
    count(t.target),
    t.source === t.target && t.read === t.source ? 'ok' : 'MISMATCH',
  ]);
  const header = ['table', 'source', 'new', 'target', ''];
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  line(io.stdout, format(header));
  for (const row of rows) line(io.stdout, format(row));
}

/**
 * Copies `from` into `to` and prints the counts of both ends. While a SQLite target is being
 * filled, a marker next to it stops the app from starting on a half-copied store; it is
 * removed only once every table's counts match.
 */
export async function runCopy(
  from: Endpoint,
  to: Endpoint,
  io: CliIo,
  logger: Logger,
  options: CopyOptions = {},
): Promise<number> {
  if (sameEndpoint(from, to)) throw new UsageError('--from and --to are the same store.');
  line(io.stdout, `Copying ${describeEndpoint(from)} -> ${describeEndpoint(to)}`);
  const marker = to.kind === 'sqlite' ? copyInProgressMarker(to.path) : undefined;
  let source: TransferStore | undefined;
  let target: TransferStore | undefined;
  try {
    source = await openEndpoint(from, 'source', logger);
    target = await openEndpoint(to, 'target', logger);
    if (marker)
      writeFileSync(marker, `db copy from ${describeEndpoint(from)} started ${new Date().toISOString()}\n`);
    let reported = 0;
    const report = await copyStore(source, target, {
      ...options,
      // A progress line per 50,000 records of a table, on stderr (stdout is the report).
      onBatch: (table, readSoFar) => {
        if (readSoFar < reported) reported = 0;
        if (readSoFar - reported < PROGRESS_EVERY) return;
        reported = readSoFar - (readSoFar % PROGRESS_EVERY);
        line(io.stderr, `… ${TABLE_LABELS[table] ?? table}: ${count(readSoFar)}`);
      },
    });
    printReport(io, report);
    if (report.reminders === null) {
      line(
        io.stdout,
        'Reminders: NOT queued: the target has no scheduled jobs table; run the copy again with the version of the app that will use it.',
      );
    } else {
      line(
        io.stdout,
        `Reminders: scheduled jobs are not copied; ${count(report.reminders)} open follow-up reminders were queued on the target from the interactions.`,
      );
    }
    if (!report.matches) {
      line(
        io.stderr,
        'error: the counts differ (marked MISMATCH): was the source written to during the copy, or did the target already hold other data? Stop the app and run the copy again.',
      );
      return EXIT.failed;
    }
    if (marker) rmSync(marker, { force: true });
    line(io.stdout, 'Every table matches at both ends.');
    return EXIT.ok;
  } finally {
    await source?.close();
    await target?.close();
  }
}
