/** SQLite primary result codes (the low byte of an extended code), as node:sqlite reports them in `errcode`. */
export const SqliteCode = {
  PERM: 3,
  BUSY: 5,
  LOCKED: 6,
  READONLY: 8,
  IOERR: 10,
  CORRUPT: 11,
  FULL: 13,
  CANTOPEN: 14,
  NOTADB: 26,
} as const;

/** The primary result code of a node:sqlite error, or undefined for anything else. */
export function sqliteCodeOf(error: unknown): number | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'errcode' in error &&
    typeof error.errcode === 'number'
    ? error.errcode & 0xff
    : undefined;
}
