import type { Storage } from '../../src/infra/storage.js';

/** The tables a user's write adds to; arrival rows (workspaces, members) are not user writes. */
const WRITTEN_TABLES = ['interactions', 'contacts', 'organisations', 'audit_entries'] as const;

interface SqliteLike {
  database: { db: { prepare(sql: string): { get(): unknown } } };
}

function isSqlite(storage: Storage): storage is Storage & SqliteLike {
  return 'database' in storage;
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
