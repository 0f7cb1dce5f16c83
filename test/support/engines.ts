import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { silentLogger } from '../../src/core/shared/ports.js';
import { connect } from '../../src/infra/mongo/database.js';
import { COLLECTIONS } from '../../src/infra/mongo/indexes.js';
import { mongoStore } from '../../src/infra/mongo/open-mongo-store.js';
import { openSqliteStore, type SqliteStorage } from '../../src/infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../../src/infra/storage.js';
import { unservedStatements } from './sqlite-query-plans.js';
import { useTestDatabase } from './test-database.js';

/**
 * One storage engine under test. `use()` registers the file's hooks (call it at describe
 * level) and returns a handle filled in before the tests run.
 */
/** What a workspace holds, counted in the engine's own terms: to assert a refused call wrote nothing. */
export interface Holdings {
  contacts: number;
  organisations: number;
  audit: number;
  interactions: number;
}

export interface EngineHandle {
  storage: Storage;
  holdings(workspaceId: string): Promise<Holdings>;
  /** Another handle on the same data, as a second process (a worker) would have. */
  second(): Promise<Storage>;
}

export interface Engine {
  name: 'sqlite' | 'mongodb';
  /**
   * Two processes' updates of one record never lose either ($addToSet…). False on FerretDB
   * 1.24, which reads, changes and writes a document back without a lock; true on SQLite
   * (write lock) and on a real MongoDB (TEST_MONGODB_URI).
   */
  atomicUpdates: boolean;
  use(): EngineHandle;
}

function ready(storage: Storage | undefined): Storage {
  if (!storage) throw new Error('The store opens in beforeAll: use it inside a test or hook.');
  return storage;
}

/**
 * A fresh SQLite file per test file. After the file, every statement the repositories
 * prepared (on either handle) must be served by an index (test/support/sqlite-query-plans.ts).
 */
function useSqliteStore(options: { onFileUnusable?: (reason: string) => void } = {}): EngineHandle {
  const statements = new Set<string>();
  const opened: SqliteStorage[] = [];
  let dir = '';
  const open = () => {
    const store = openSqliteStore({
      path: join(dir, 'store.sqlite'),
      logger: silentLogger,
      onPrepare: (sql) => statements.add(sql),
      ...(options.onFileUnusable ? { onFileUnusable: options.onFileUnusable } : {}),
    });
    opened.push(store);
    return store;
  };
  let storage: Storage | undefined;
  const handle: EngineHandle = {
    get storage() {
      return ready(storage);
    },
    second: async () => open(),
    async holdings(workspaceId) {
      const db = opened[0]?.database.db;
      // Straight on the connection, not through the repositories' statements the plan guard checks.
      const count = (table: string) =>
        Number(
          db?.prepare(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = ?`).get(workspaceId)?.n ?? 0,
        );
      return {
        contacts: count('contacts'),
        organisations: count('organisations'),
        audit: count('audit_entries'),
        interactions: count('interactions'),
      };
    },
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'il-sqlite-'));
    storage = open();
  });
  afterAll(async () => {
    const first = opened[0];
    const problems = first ? unservedStatements(first.database.db, statements) : [];
    for (const store of opened) await store.close();
    rmSync(dir, { recursive: true, force: true });
    expect(problems, 'statements that scan a growing table or sort its rows').toEqual([]);
  });
  return handle;
}

/** A fresh database on the run's FerretDB, with the MongoDB subset and index guard attached. */
function useMongoStore(): EngineHandle {
  const database = useTestDatabase();
  const others: Storage[] = [];
  let storage: Storage | undefined;
  const handle: EngineHandle = {
    get storage() {
      return ready(storage);
    },
    async second() {
      const connection = await connect(`${inject('mongoBaseUri')}${database.db.connection.name}`, {
        logger: silentLogger,
        monitorCommands: true,
      });
      database.monitor.attach(connection.connection.getClient());
      const other = mongoStore(connection);
      others.push(other);
      return other;
    },
    async holdings(workspaceId) {
      const { connection } = database.db;
      const raw = connection.getClient().db(connection.name);
      const count = (collection: string) => raw.collection(collection).countDocuments({ workspaceId });
      return {
        contacts: await count(COLLECTIONS.contacts),
        organisations: await count(COLLECTIONS.organisations),
        audit: await count(COLLECTIONS.audit),
        interactions: await count(COLLECTIONS.interactions),
      };
    },
  };
  beforeAll(() => {
    storage = mongoStore(database.db);
  });
  afterAll(async () => {
    for (const other of others) await other.close();
  });
  return handle;
}

/** Every engine the contract suite runs against: `describe.each(ENGINES)`. */
export const ENGINES: Engine[] = [
  { name: 'sqlite', atomicUpdates: true, use: useSqliteStore },
  { name: 'mongodb', atomicUpdates: Boolean(process.env.TEST_MONGODB_URI), use: useMongoStore },
];

/**
 * A fresh store on the app's default engine (SQLite, a temp file per test file) for tests that
 * drive the app rather than a store: the Slack and Teams HTTP tests. Call at describe level.
 */
export function useDefaultStore(options: { onFileUnusable?: (reason: string) => void } = {}): EngineHandle {
  return useSqliteStore(options);
}
