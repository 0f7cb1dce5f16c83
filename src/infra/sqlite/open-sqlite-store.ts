import type { Logger } from '../../core/shared/ports.js';
import type { Storage } from '../storage.js';
import { openSqlite, type SqliteDatabase, type SqliteOptions } from './database.js';
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

/** The built-in store: one SQLite file (node:sqlite), schema brought up to date on open. */
export function openSqliteStore(options: SqliteOptions & { logger: Logger }): SqliteStorage {
  const database = openSqlite(options);
  return {
    engine: 'sqlite',
    description: `SQLite (${options.path})`,
    path: options.path,
    database,
    repositories: {
      workspaces: new SqliteWorkspaceRepository(database),
      members: new SqliteMemberRepository(database),
      contacts: new SqliteContactRepository(database),
      organisations: new SqliteOrganisationRepository(database),
      interactions: new SqliteInteractionRepository(database),
      audit: new SqliteAuditRepository(database),
      claims: new SqliteClaimRepository(database),
    },
    deliveries: new SqliteDeliveryRepository(database),
    interactionLookup: new SqliteInteractionLookup(database),
    conversationRefs: new SqliteConversationRefRepository(database),
    slackInstallations: new SqliteInstallationStore(database),
    async ping() {
      try {
        database.get('SELECT 1 AS ok');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      database.close();
    },
  };
}

export function isSqliteStorage(storage: Storage): storage is SqliteStorage {
  return storage.engine === 'sqlite' && 'path' in storage;
}
