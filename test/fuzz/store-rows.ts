import type { SqliteStorage } from '../../src/infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../../src/infra/storage.js';

/** The tables a user's write adds to; arrival rows (workspaces, members) are not user writes. */
const WRITTEN_TABLES = ['interactions', 'contacts', 'organisations', 'audit_entries'] as const;

function isSqlite(storage: Storage): storage is SqliteStorage {
  return 'database' in storage;
}

export function sqliteOf(storage: Storage): SqliteStorage {
  if (!isSqlite(storage)) throw new Error('The fuzz suite runs on the default SQLite store.');
  return storage;
}

/** Interactions with this exact description: a probe's own rows. */
export function interactionsDescribed(storage: Storage, description: string): number {
  const row = sqliteOf(storage)
    .database.db.prepare('SELECT count(*) AS n FROM interactions WHERE description = ?')
    .get(description) as { n: number };
  return Number(row.n);
}

/** Rows across the written tables, every workspace: read on the store's own connection. */
export function rowsOf(storage: Storage): number {
  if (!isSqlite(storage)) throw new Error('The fuzz suite counts rows on the default SQLite store.');
  let total = 0;
  for (const table of WRITTEN_TABLES) {
    const row = storage.database.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    total += Number(row.n);
  }
  return total;
}

/** Interactions alone: what "nothing lost or duplicated" counts. */
export function interactionRows(storage: Storage): number {
  if (!isSqlite(storage)) throw new Error('The fuzz suite counts rows on the default SQLite store.');
  const row = storage.database.db.prepare('SELECT count(*) AS n FROM interactions').get() as { n: number };
  return Number(row.n);
}
