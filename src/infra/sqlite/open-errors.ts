import { SqliteCode, sqliteCodeOf } from './result-codes.js';

/** A start-up problem with the database file, said in one line (the caller exits non-zero). */
export class SqliteStoreError extends Error {}

export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
}

/** One line a person can act on, for each way the file can refuse to open; the file is never touched. */
export function startupError(path: string, error: unknown): Error {
  if (error instanceof SqliteStoreError) return error;
  switch (sqliteCodeOf(error)) {
    case SqliteCode.BUSY:
    case SqliteCode.LOCKED:
      return new SqliteStoreError(
        `The database file ${path} is locked by another process that did not let go: stop it (or wait for it to finish) and start again.`,
      );
    case SqliteCode.NOTADB:
    case SqliteCode.CORRUPT:
      return new SqliteStoreError(
        `The database file ${path} is not a SQLite database or is damaged; it was left as it is. Restore a backup, or move it away to start with an empty store.`,
      );
    case SqliteCode.CANTOPEN:
    case SqliteCode.PERM:
    case SqliteCode.READONLY:
      return new SqliteStoreError(
        `Cannot open the database file ${path} for writing: set DATA_DIR to a directory this user can write.`,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
