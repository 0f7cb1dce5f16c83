/** A start-up problem with the database file, said in one line (the caller exits non-zero). */
export class SqliteStoreError extends Error {}

export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
}

// SQLite primary result codes (the low byte of an extended code).
const SQLITE_PERM = 3;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** One line a person can act on, for each way the file can refuse to open; the file is never touched. */
export function startupError(path: string, error: unknown): Error {
  if (error instanceof SqliteStoreError) return error;
  const code =
    typeof error === 'object' && error !== null && 'errcode' in error && typeof error.errcode === 'number'
      ? error.errcode & 0xff
      : undefined;
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new SqliteStoreError(
        `The database file ${path} is locked by another process that did not let go: stop it (or wait for it to finish) and start again.`,
      );
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return new SqliteStoreError(
        `The database file ${path} is not a SQLite database or is damaged; it was left as it is. Restore a backup, or move it away to start with an empty store.`,
      );
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return new SqliteStoreError(
        `Cannot open the database file ${path} for writing: set DATA_DIR to a directory this user can write.`,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
