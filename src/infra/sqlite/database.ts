import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { Logger } from '../../core/shared/ports.js';
import { MIGRATIONS, type Migration } from './migrations.js';

import { errorCode, SqliteStoreError, startupError } from './open-errors.js';

export { SqliteStoreError } from './open-errors.js';

export interface SqliteOptions {
  /** A file path, or ':memory:' (tests of a single connection). */
  path: string;
  logger: Logger;
  /** How long a write waits for another connection's write to finish before failing. */
  busyTimeoutMs?: number;
  /** Sees every statement the repositories prepare (tests check their query plans). */
  onPrepare?: (sql: string) => void;
  /** The schema steps to apply; the app's own list unless a test says otherwise. */
  migrations?: readonly Migration[];
}

/**
 * One connection to the file, with the statements the repositories prepared cached by text.
 * DatabaseSync runs each statement to completion before returning, so a function that does
 * not await between statements is never interleaved with another request of this process.
 */
export class SqliteDatabase {
  readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private readonly arrayStatements = new Map<string, StatementSync>();
  private readonly onPrepare: ((sql: string) => void) | undefined;

  constructor(db: DatabaseSync, onPrepare?: (sql: string) => void) {
    this.db = db;
    this.onPrepare = onPrepare;
  }

  statement(sql: string): StatementSync {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
      this.onPrepare?.(sql);
    }
    return prepared;
  }

  /**
   * The same, returning rows as arrays in the SELECT's column order: a row object of many
   * columns is built in dictionary mode, and reading it back costs a hash lookup per column;
   * the hot readers (interaction pages and exports) read by position instead.
   */
  arrayStatement(sql: string): StatementSync {
    let prepared = this.arrayStatements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      prepared.setReturnArrays(true);
      this.arrayStatements.set(sql, prepared);
      this.onPrepare?.(sql);
    }
    return prepared;
  }

  /** Every row of a cached statement, each an array in the SELECT's column order. */
  rows(sql: string, ...params: SQLInputValue[]): SQLOutputValue[][] {
    return this.arrayStatement(sql).all(...params) as unknown as SQLOutputValue[][];
  }

  /** A statement of its own, not cached: for `iterate()`, which two readers must not share. */
  uncached(sql: string): StatementSync {
    this.onPrepare?.(sql);
    return this.db.prepare(sql);
  }

  all(sql: string, ...params: SQLInputValue[]): Record<string, unknown>[] {
    return this.statement(sql).all(...params);
  }

  get(sql: string, ...params: SQLInputValue[]): Record<string, unknown> | undefined {
    return this.statement(sql).get(...params);
  }

  run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.statement(sql).run(...params).changes);
  }

  /**
   * Runs `work` in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so two
   * processes never both read then write (and busy_timeout queues the second one).
   * `work` is synchronous on purpose: nothing else of this process can run inside it.
   */
  transaction<T>(work: () => T): T {
    if (this.db.isTransaction) return work();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.statements.clear();
    this.arrayStatements.clear();
    if (this.db.isOpen) this.db.close();
  }
}

const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_UNIQUE = 2067;

/**
 * A unique or primary key refused the row: the SQLite side of MongoDB's duplicate key 11000,
 * matched by SQLite's extended result code (never by message).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return false;
  return error.errcode === SQLITE_CONSTRAINT_UNIQUE || error.errcode === SQLITE_CONSTRAINT_PRIMARYKEY;
}

/** Runs an insert that claims a unique key: true when this call inserted it, false on a duplicate. */
export function claimInsert(database: SqliteDatabase, sql: string, ...params: SQLInputValue[]): boolean {
  try {
    database.run(sql, ...params);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Opens the file, sets the connection's pragmas and brings the schema up to date.
 * - WAL: readers never block the writer, and a crash mid-write never corrupts the file.
 * - synchronous=FULL: every commit is on disk before it is acknowledged, so a power cut loses
 *   nothing that was committed — including the exactly-once claims, whose loss would let a
 *   reminder be sent twice after the restart. In WAL mode FULL costs one fsync of the WAL per
 *   commit, which a team's write rate (a few per second) affords; NORMAL would lose the
 *   transactions committed since the last checkpoint on a power cut (never on an app crash).
 * - busy_timeout: a second process (a worker) waits for the write lock instead of failing.
 * - foreign_keys stay off: the ports own integrity the way they do on MongoDB.
 * - cache_size 64 MiB (default 2 MiB): a search that tests rows one by one (a description word
 *   on a date range) reads table pages all over the file; at a million records the small cache
 *   made each row a read from the OS and such a count three times slower.
 */
export function openSqlite(options: SqliteOptions): SqliteDatabase {
  const { path } = options;
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new SqliteStoreError(
        `Cannot create the data directory ${dirname(path)} (${errorCode(error)}): set DATA_DIR to a directory this user can write.`,
      );
    }
  }
  let database: SqliteDatabase | undefined;
  try {
    const db = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 5_000 });
    database = new SqliteDatabase(db, options.onPrepare);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA cache_size = -65536');
    migrate(database, options.migrations ?? MIGRATIONS, options.logger);
    return database;
  } catch (error) {
    database?.close();
    throw startupError(path, error);
  }
}

function userVersion(database: SqliteDatabase): number {
  const row = database.db.prepare('PRAGMA user_version').get();
  return typeof row?.user_version === 'number' ? row.user_version : 0;
}

/**
 * Applies the steps the file has not seen yet. Each step and its new user_version commit
 * together, and the version is read again under the write lock, so two processes starting at
 * once apply each step exactly once. A file from a newer version of the app is left untouched.
 */
export function migrate(database: SqliteDatabase, migrations: readonly Migration[], logger: Logger): void {
  const current = userVersion(database);
  if (current > migrations.length) {
    throw new SqliteStoreError(
      `The database file ${database.db.location() ?? ''} has schema version ${current}, newer than this version of the app knows (${migrations.length}); it was left as it is. Upgrade the app, or restore a backup made by this version.`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    const step = migrations[version - 1] as Migration;
    database.transaction(() => {
      if (userVersion(database) >= version) return; // another process applied it meanwhile
      database.db.exec(step.sql);
      database.db.exec(`PRAGMA user_version = ${version}`);
    });
    logger.info('Database schema updated', { version, step: step.name });
  }
}
