import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../core/shared/ports.js';
import type { Storage } from '../storage.js';
import { openSqlite, type SqliteDatabase, type SqliteOptions } from './database.js';
import { SqliteFileWatch } from './file-watch.js';
import { guardSqliteRepositories, SQLITE_BUSY_TIMEOUT_MS } from './outage.js';
import { SqliteAuditRepository, SqliteClaimRepository } from './repositories/claim-audit.repository.js';
import { SqliteContactRepository, SqliteOrganisationRepository } from './repositories/contact.repository.js';
import { SqliteConversationRefRepository } from './repositories/conversation-ref.repository.js';
import { SqliteDeliveryRepository } from './repositories/delivery.repository.js';
import { SqliteInteractionRepository } from './repositories/interaction.repository.js';
import { SqliteInteractionLookup } from './repositories/interaction-lookup.js';
import { SqliteInstallationStore } from './repositories/slack-installation.store.js';
import { SqliteMemberRepository, SqliteWorkspaceRepository } from './repositories/workspace.repository.js';

export interface SqliteStorage extends Storage {
  engine: 'sqlite';
  /** The file, for the scheduler's own connection to it (':memory:' has no second connection). */
  path: string;
  /** The connection, for tests that read the tables straight. */
  database: SqliteDatabase;
}

export interface SqliteStoreOptions extends SqliteOptions {
  logger: Logger;
  /**
   * The file became unusable for good (deleted, replaced, unreadable, I/O error): main.ts exits
   * non-zero with this one line so a supervisor restarts the app. Default: log it.
   */
  onFileUnusable?: (reason: string) => void;
  /** How long a call retries a write lock another process holds (default 1.5 s). */
  lockRetryBudgetMs?: number;
}

/**
 * The built-in store: one SQLite file (node:sqlite), schema brought up to date on open. The
 * schema steps may wait the full busy timeout for another process starting at the same time;
 * serving then waits at most SQLITE_BUSY_TIMEOUT_MS per statement (src/infra/sqlite/outage.ts).
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStorage {
  const database = openSqlite(options);
  database.db.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const report =
    options.onFileUnusable ??
    ((reason: string) => options.logger.error('The store stopped working', { reason }));
  let reported = false;
  // Once, whoever notices first: a request or /healthz.
  const onFileUnusable = (reason: string) => {
    if (reported) return;
    reported = true;
    report(reason);
  };
  // A watch event that finds the file gone says so at once, even with no request under way.
  const file = new SqliteFileWatch(options.path, { onUnusable: onFileUnusable });
  const health = healthConnection(options.path);
  const repositories = guardSqliteRepositories(
    {
      workspaces: new SqliteWorkspaceRepository(database),
      members: new SqliteMemberRepository(database),
      contacts: new SqliteContactRepository(database),
      organisations: new SqliteOrganisationRepository(database),
      interactions: new SqliteInteractionRepository(database),
      audit: new SqliteAuditRepository(database),
      claims: new SqliteClaimRepository(database),
    },
    {
      database,
      file,
      onFileUnusable,
      ...(options.lockRetryBudgetMs !== undefined ? { lockRetryBudgetMs: options.lockRetryBudgetMs } : {}),
    },
  );
  return {
    engine: 'sqlite',
    description: `SQLite (${options.path})`,
    path: options.path,
    database,
    repositories,
    deliveries: new SqliteDeliveryRepository(database),
    interactionLookup: new SqliteInteractionLookup(database),
    conversationRefs: new SqliteConversationRefRepository(database),
    slackInstallations: new SqliteInstallationStore(database),
    /**
     * Synchronous and bounded: the file is still the one opened and usable, a table reads, and
     * the write lock can be taken within SQLITE_BUSY_TIMEOUT_MS (a frozen writer holding it
     * makes the store unable to save anything, so it is reported down).
     */
    async ping() {
      try {
        const problem = file.problem();
        if (problem) {
          onFileUnusable(problem);
          return false;
        }
        const probe = health ?? database.db;
        probe.prepare('PRAGMA schema_version').get();
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      file.close();
      if (health?.isOpen) health.close();
      database.close();
    },
  };
}

export function isSqliteStorage(storage: Storage): storage is SqliteStorage {
  return storage.engine === 'sqlite' && 'path' in storage;
}

/** A connection of its own for /healthz, so its lock probe never meets the store's own transaction. */
function healthConnection(path: string): DatabaseSync | undefined {
  if (path === ':memory:') return undefined;
  return new DatabaseSync(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
}
