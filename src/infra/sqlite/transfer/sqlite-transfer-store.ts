import type { SQLInputValue } from 'node:sqlite';
import type { FollowUpReminder } from '../../../core/followups/follow-up-scheduler.port.js';
import type { Logger } from '../../../core/shared/ports.js';
import type {
  TableName,
  TransferBatch,
  TransferRecords,
  TransferStore,
} from '../../transfer/transfer-tables.js';
import { openSqlite, type SqliteDatabase } from '../database.js';
import { SqliteFollowUpScheduler } from '../jobs/sqlite-follow-up-scheduler.js';
import { placeholders } from '../rows.js';
import { SQLITE_CODECS, type SqliteCodec } from './sqlite-codecs.js';

function codecOf<T extends TableName>(table: T): SqliteCodec<TransferRecords[T]> {
  return SQLITE_CODECS[table];
}

/** The resume point: the last record's key columns, as JSON. */
function cursorOf(row: Record<string, unknown>, key: readonly string[]): string {
  return JSON.stringify(key.map((column) => row[column]));
}

function parseCursor(cursor: string, width: number): SQLInputValue[] {
  const values: unknown = JSON.parse(cursor);
  if (!Array.isArray(values) || values.length !== width || !values.every((v) => typeof v === 'string')) {
    throw new Error(`Not a resume point of this table: ${cursor}`);
  }
  return values;
}

/**
 * `db copy`'s side on one SQLite file (node:sqlite). Reads seek the primary key (row values
 * compare the composite keys of members and claims); each batch is written in one transaction
 * with ON CONFLICT DO NOTHING, so a record already copied is skipped. A contact's e-mail rows
 * are written with it, as the repository does.
 */
export class SqliteTransferStore implements TransferStore {
  readonly description: string;

  constructor(
    private readonly database: SqliteDatabase,
    path: string,
  ) {
    this.description = `SQLite file ${path}`;
  }

  static open(path: string, logger: Logger): SqliteTransferStore {
    return new SqliteTransferStore(openSqlite({ path, logger }), path);
  }

  async read<T extends TableName>(
    table: T,
    after: string | null,
    limit: number,
  ): Promise<TransferBatch<TransferRecords[T]>> {
    const codec = codecOf(table);
    const key = codec.key.join(', ');
    const where = after === null ? '' : `WHERE (${key}) > (${placeholders(codec.key.length)})`;
    const params = after === null ? [] : parseCursor(after, codec.key.length);
    const rows = this.database.all(
      `SELECT * FROM ${codec.table} ${where} ORDER BY ${key} LIMIT ?`,
      ...params,
      limit,
    );
    const last = rows.at(-1);
    return {
      records: rows.map((row) => codec.toRecord(row)),
      next: last && rows.length === limit ? cursorOf(last, codec.key) : null,
    };
  }

  async write<T extends TableName>(table: T, records: TransferRecords[T][]): Promise<number> {
    const codec = codecOf(table);
    let inserted = 0;
    this.database.transaction(() => {
      for (const record of records) {
        const columns = codec.toColumns(record);
        const names = Object.keys(columns);
        const changes = this.database.run(
          `INSERT INTO ${codec.table} (${names.join(', ')}) VALUES (${placeholders(names.length)}) ON CONFLICT DO NOTHING`,
          ...Object.values(columns),
        );
        inserted += changes;
        if (changes > 0 && table === 'contacts')
          this.writeContactEmails(record as TransferRecords['contacts']);
      }
    });
    return inserted;
  }

  private writeContactEmails(contact: TransferRecords['contacts']): void {
    for (const email of new Set(contact.emails.map((address) => address.toLowerCase()))) {
      this.database.run(
        'INSERT INTO contact_emails (workspace_id, email, contact_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        contact.workspaceId,
        email,
        contact.id,
      );
    }
  }

  async count(table: TableName): Promise<number> {
    const row = this.database.get(`SELECT count(*) AS n FROM ${codecOf(table).table}`);
    return Number(row?.n ?? 0);
  }

  async scheduleReminders(reminders: FollowUpReminder[]): Promise<boolean> {
    // The jobs table joins the file with its own schema step; a file without it has no queue.
    const jobsTable = this.database.get(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'scheduled_jobs'",
    );
    if (!jobsTable) return false;
    await new SqliteFollowUpScheduler(this.database.db, { now: () => new Date() }).schedule(reminders);
    return true;
  }

  async close(): Promise<void> {
    this.database.close();
  }
}
