import { setTimeout as wait } from 'node:timers/promises';
import { StoreUnreachableError } from '../../core/shared/store-unreachable.js';
import { isReadMethod } from '../../core/shared/write-outcome.js';
import { aroundRepositoryCalls } from '../repository-calls.js';
import type { SqliteDatabase } from './database.js';
import type { SqliteFileWatch } from './file-watch.js';
import { SqliteCode, sqliteCodeOf } from './result-codes.js';

/**
 * How long one statement may block the event loop waiting for another process's write lock.
 * DatabaseSync waits synchronously, so this is also the longest the whole process (every
 * request, /healthz) stands still for one attempt.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 100;
/** How long a call keeps retrying a held lock, with the loop free between attempts. */
export const SQLITE_LOCK_RETRY_BUDGET_MS = 1_500;
const FIRST_BACKOFF_MS = 10;
const MAX_BACKOFF_MS = 200;

type Failure = 'locked' | 'disk' | 'file-gone';

function classify(error: unknown): Failure | undefined {
  switch (sqliteCodeOf(error)) {
    case SqliteCode.BUSY:
    case SqliteCode.LOCKED:
      return 'locked';
    // Full, read-only or refused: the disk may come back (space freed, remounted).
    case SqliteCode.FULL:
    case SqliteCode.READONLY:
    case SqliteCode.PERM:
      return 'disk';
    // The file itself is unusable: this process cannot make it good again.
    case SqliteCode.IOERR:
    case SqliteCode.CORRUPT:
    case SqliteCode.NOTADB:
    case SqliteCode.CANTOPEN:
      return 'file-gone';
    default:
      return undefined;
  }
}

export interface SqliteOutageOptions {
  database: SqliteDatabase;
  file: SqliteFileWatch;
  /** How long a call keeps retrying a held write lock (default SQLITE_LOCK_RETRY_BUDGET_MS). */
  lockRetryBudgetMs?: number;
  /**
   * The file is unusable for good (deleted, replaced, unreadable, I/O error, damaged): the
   * composition root exits so a supervisor restarts the app on a file it can open — or the
   * start-up says in one line why it cannot. Called on every call that finds it so.
   */
  onFileUnusable(reason: string): void;
}

function isThenable(value: unknown): value is Promise<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as Promise<unknown>).then === 'function'
  );
}

/**
 * The repositories with the engine's failures turned into StoreUnreachableError, and a held
 * write lock retried off the event loop: each attempt blocks for at most the busy timeout,
 * and between attempts the loop serves other requests and /healthz. A call is only retried
 * while this connection has written nothing since it began (a lock refused before the first
 * write), so a retry never applies anything twice.
 */
export function guardSqliteRepositories<R extends object>(repositories: R, options: SqliteOutageOptions): R {
  const budget = options.lockRetryBudgetMs ?? SQLITE_LOCK_RETRY_BUDGET_MS;
  const { db } = options.database;
  let totalChanges: ReturnType<typeof db.prepare> | undefined;
  const changes = () => {
    if (!db.isOpen) return 0;
    totalChanges ??= db.prepare('SELECT total_changes() AS n');
    return Number(totalChanges.get()?.n);
  };
  const fileUnusable = options.onFileUnusable;

  const failure = (method: string, error: unknown, wrote: boolean): unknown => {
    const kind = classify(error);
    if (!kind) return error;
    if (kind === 'file-gone')
      fileUnusable(
        `The database file cannot be used any more (${error instanceof Error ? error.message : String(error)}).`,
      );
    const mayHaveWritten = kind === 'locked' ? wrote : wrote || !isReadMethod(method);
    return new StoreUnreachableError(kind === 'locked' ? 'locked' : 'storage-failed', mayHaveWritten, error);
  };

  const call = (method: string, run: () => unknown): unknown => {
    const started = Date.now();
    let backoff = FIRST_BACKOFF_MS;
    const reading = isReadMethod(method);
    const attempt = (): unknown => {
      // Writes look at the file every time; reads trust its watch (see SqliteFileWatch).
      const problem = reading ? options.file.beforeRead() : options.file.problem();
      if (problem) {
        fileUnusable(problem);
        return Promise.reject(new StoreUnreachableError('storage-failed', false, new Error(problem)));
      }
      // A read writes nothing, so it needs no count of changes around it.
      const before = reading ? 0 : changes();
      const retryOrFail = async (error: unknown): Promise<unknown> => {
        const wrote = reading ? false : changes() !== before;
        if (classify(error) === 'locked' && !wrote && Date.now() - started + backoff <= budget) {
          await wait(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          return attempt();
        }
        throw failure(method, error, wrote);
      };
      let result: unknown;
      try {
        result = run();
      } catch (error) {
        return retryOrFail(error);
      }
      return isThenable(result) ? result.then(undefined, retryOrFail) : result;
    };
    return attempt();
  };

  return aroundRepositoryCalls(repositories, call);
}
