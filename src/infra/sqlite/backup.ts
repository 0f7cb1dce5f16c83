import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { SqliteStoreError } from './open-errors.js';

export interface BackupReport {
  bytes: number;
  /** `PRAGMA integrity_check` of the copy: 'ok' when sound. */
  integrity: string;
  /** Rows per table, in the copy and in the source at the time of the check. */
  tables: { table: string; copy: number }[];
}

function tableNames(db: DatabaseSync): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => String(row.name));
}

function countRows(db: DatabaseSync, table: string): number {
  const row = db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get();
  return Number(row?.n ?? 0);
}

/**
 * An online backup of the store's file with SQLite's backup API: the app may keep running
 * (its writes restart the copy of pages they touch). The copy is written under a temporary
 * name and renamed into place, so a failed or interrupted backup never leaves a half file
 * at `target`; an existing `target` is kept unless `overwrite`. The copy is then opened on
 * its own and checked: integrity_check, and the rows of every table counted.
 */
export async function backupSqliteFile(
  sourcePath: string,
  target: string,
  options: { overwrite: boolean },
): Promise<BackupReport> {
  if (!existsSync(sourcePath)) {
    throw new SqliteStoreError(`There is no database file at ${sourcePath} to back up.`);
  }
  if (resolve(sourcePath) === resolve(target)) {
    throw new SqliteStoreError('The backup file must not be the database file itself.');
  }
  if (existsSync(target) && !options.overwrite) {
    throw new SqliteStoreError(
      `${target} already exists: choose another file, or add --force to replace it.`,
    );
  }
  const temporary = `${target}.${process.pid}.partial`;
  const source = new DatabaseSync(sourcePath, { timeout: 5_000 });
  try {
    await backup(source, temporary);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    source.close();
  }
  renameSync(temporary, target);
  const copy = new DatabaseSync(target, { readOnly: true });
  try {
    const integrity = String(copy.prepare('PRAGMA integrity_check').get()?.integrity_check ?? '');
    const tables = tableNames(copy).map((table) => ({ table, copy: countRows(copy, table) }));
    return { bytes: statSync(target).size, integrity, tables };
  } finally {
    copy.close();
  }
}

/** Rows per table of a database file, for comparing a backup with its source. */
export function countTables(path: string): Map<string, number> {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return new Map(tableNames(db).map((table) => [table, countRows(db, table)]));
  } finally {
    db.close();
  }
}
