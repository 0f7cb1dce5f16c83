import type { Storage } from '../storage.js';
import type { Database } from './database.js';
import { guardMongoRepositories } from './outage.js';
import { MongoAuditRepository, MongoClaimRepository } from './repositories/claim-audit.repository.js';
import { MongoContactRepository, MongoOrganisationRepository } from './repositories/contact.repository.js';
import { MongoConversationRefRepository } from './repositories/conversation-ref.repository.js';
import { MongoDeliveryRepository } from './repositories/delivery.repository.js';
import { MongoInteractionRepository } from './repositories/interaction.repository.js';
import { MongoInteractionLookup } from './repositories/interaction-lookup.js';
import { MongoInstallationStore } from './repositories/slack-installation.store.js';
import { MongoMemberRepository, MongoWorkspaceRepository } from './repositories/workspace.repository.js';

export interface MongoStorage extends Storage {
  engine: 'mongodb';
  /** The connection, for agenda (scheduled work) in the same database. */
  database: Database;
}

/** The MongoDB store (MongoDB, or FerretDB): the core's ports on one mongoose connection. */
export function mongoStore(database: Database): MongoStorage {
  const { connection } = database;
  return {
    engine: 'mongodb',
    description: database.description,
    database,
    // Driver failures become StoreUnreachableError; a frozen server is noticed by a watchdog.
    repositories: guardMongoRepositories(
      {
        workspaces: new MongoWorkspaceRepository(connection),
        members: new MongoMemberRepository(connection),
        contacts: new MongoContactRepository(connection),
        organisations: new MongoOrganisationRepository(connection),
        interactions: new MongoInteractionRepository(connection),
        audit: new MongoAuditRepository(connection),
        claims: new MongoClaimRepository(connection),
      },
      { answers: () => database.ping() },
    ),
    deliveries: new MongoDeliveryRepository(connection),
    interactionLookup: new MongoInteractionLookup(connection),
    conversationRefs: new MongoConversationRefRepository(connection),
    slackInstallations: new MongoInstallationStore(connection),
    ping: () => database.ping(),
    close: () => database.close(),
  };
}

export function isMongoStorage(storage: Storage): storage is MongoStorage {
  return storage.engine === 'mongodb' && 'database' in storage;
}
