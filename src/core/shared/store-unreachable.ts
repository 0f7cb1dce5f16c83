/**
 * The store did not answer: stopped, killed, frozen, locked past the request's deadline, or its
 * file unusable. The engines map their own errors to this one (src/infra/*), so the core and
 * the adapters decide on one stable code, never on a driver's class name or message.
 */
export const STORE_UNREACHABLE = 'STORE.UNREACHABLE';

export type StoreUnreachableReason =
  /** Nothing answered: connection refused, server selection gave up, the file cannot be opened. */
  | 'unreachable'
  /** A connection was there, then stopped answering (a frozen or overloaded server). */
  | 'not-answering'
  /** Another process holds the write lock beyond the deadline (SQLite). */
  | 'locked'
  /** The disk refused: full, read-only, an I/O error, the file deleted or unreadable. */
  | 'storage-failed';

export class StoreUnreachableError extends Error {
  readonly code = STORE_UNREACHABLE;
  constructor(
    readonly reason: StoreUnreachableReason,
    /**
     * False only when the failed call surely wrote nothing (the command was never sent, the
     * lock was never taken); true when a write was under way and may have been applied.
     */
    readonly mayHaveWritten: boolean,
    cause?: unknown,
  ) {
    super(
      `The store is unreachable (${reason})${cause instanceof Error ? `: ${cause.message}` : ''}`,
      cause === undefined ? undefined : { cause },
    );
    this.name = 'StoreUnreachableError';
  }
}

/** The StoreUnreachableError behind `error`, looking through wrappers' `cause`. */
export function storeUnreachableIn(error: unknown): StoreUnreachableError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof StoreUnreachableError) return current;
    current = current.cause;
  }
  return undefined;
}
