import type { Contact } from '../../src/core/contacts/contact.js';
import { createContactService } from '../../src/core/contacts/contact.service.js';
import type { Interaction } from '../../src/core/interactions/interaction.js';
import type { Actor, Role } from '../../src/core/shared/actor.js';
import { type Clock, type IdGenerator, silentLogger } from '../../src/core/shared/ports.js';
import { createWorkspaceService } from '../../src/core/workspaces/workspace.service.js';
import type { Database } from '../../src/infra/mongo/database.js';
import { COLLECTIONS } from '../../src/infra/mongo/indexes.js';
import {
  MongoAuditRepository,
  MongoClaimRepository,
} from '../../src/infra/mongo/repositories/claim-audit.repository.js';
import {
  MongoContactRepository,
  MongoOrganisationRepository,
} from '../../src/infra/mongo/repositories/contact.repository.js';
import { MongoInteractionRepository } from '../../src/infra/mongo/repositories/interaction.repository.js';
import {
  MongoMemberRepository,
  MongoWorkspaceRepository,
} from '../../src/infra/mongo/repositories/workspace.repository.js';
import type { CoreRepositories } from '../../src/infra/storage.js';
import type { EngineHandle, Holdings } from './engines.js';

/** Contacts and workspaces on a real test database: real repositories, a clock and ids tests control. */

export interface SteppingClock extends Clock {
  advance(ms: number): void;
}

export function steppingClock(start = '2026-03-02T09:00:00.000Z'): SteppingClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
  };
}

/** Sequential ids with a per-world prefix, so worlds sharing a database never collide. */
export function sequentialIds(prefix: string): IdGenerator {
  let counter = 0;
  return { next: () => `${prefix}-${String(++counter).padStart(5, '0')}` };
}

let worldCounter = 0;

function mongoRepositoriesOf(db: Database): CoreRepositories {
  const { connection } = db;
  return {
    workspaces: new MongoWorkspaceRepository(connection),
    members: new MongoMemberRepository(connection),
    contacts: new MongoContactRepository(connection),
    organisations: new MongoOrganisationRepository(connection),
    interactions: new MongoInteractionRepository(connection),
    audit: new MongoAuditRepository(connection),
    claims: new MongoClaimRepository(connection),
  };
}

/** A world on a MongoDB test database, or on any engine of test/support/engines.ts. */
export function contactWorld(source: Database | EngineHandle) {
  const prefix = `w${++worldCounter}${Date.now().toString(36)}`;
  const repos = 'storage' in source ? source.storage.repositories : mongoRepositoriesOf(source);
  const clock = steppingClock();
  const ids = sequentialIds(prefix);
  const deps = { ...repos, clock, ids, logger: silentLogger };
  const workspaces = createWorkspaceService(deps);
  const contacts = createContactService(deps);

  /** A workspace with an owner, a member and a viewer who have all used the app. */
  async function tenant(name = 'Acme team') {
    const workspace = await workspaces.resolveWorkspace({
      platform: 'slack',
      externalId: `T-${ids.next()}`,
      name,
    });
    const join = (userId: string, displayName: string) =>
      workspaces.resolveActor({ workspace, userId, displayName });
    // The owner is the platform's admin: arriving first makes nobody an owner.
    const owner = await workspaces.resolveActor({
      workspace,
      userId: 'U-owner',
      displayName: 'Olga Owner',
      facts: { platformAdmin: true },
    });
    const member = await join('U-member', 'Mia Member');
    const viewer = await workspaces.resolveActor({
      workspace,
      userId: 'U-viewer',
      displayName: 'Vic Viewer',
    });
    await repos.members.setRole(workspace.id, viewer.userId, 'viewer', clock.now());
    return { workspace, owner, member, viewer: { ...viewer, role: 'viewer' as Role } };
  }

  /** Interactions written straight through the repository (the interaction use cases are tested elsewhere). */
  async function logInteractions(actor: Actor, contact: Contact, count: number): Promise<Interaction[]> {
    const interactions: Interaction[] = [];
    for (let index = 0; index < count; index++) {
      const id = ids.next();
      const at = new Date(clock.now().getTime() - (index + 1) * 3_600_000);
      interactions.push({
        id,
        workspaceId: actor.workspaceId,
        eventId: id,
        contactId: contact.id,
        contactName: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
        ...(contact.organisationId ? { organisationId: contact.organisationId } : {}),
        type: 'Call',
        actions: [],
        description: `Call ${index + 1}`,
        occurredAt: at,
        createdAt: at,
        updatedAt: at,
        authorId: actor.userId,
        authorName: actor.displayName ?? actor.userId,
        important: false,
        attachments: [],
        source: { kind: 'manual' },
        idempotencyKey: `${id}:${contact.id}`,
      });
    }
    await repos.interactions.insertMany(interactions);
    return interactions;
  }

  /** What a workspace holds, to assert that a refused call wrote nothing. */
  async function holdings(workspaceId: string): Promise<Holdings> {
    if ('storage' in source) return source.holdings(workspaceId);
    const raw = source.connection.getClient().db(source.connection.name);
    const count = (collection: string) => raw.collection(collection).countDocuments({ workspaceId });
    return {
      contacts: await count(COLLECTIONS.contacts),
      organisations: await count(COLLECTIONS.organisations),
      audit: await count(COLLECTIONS.audit),
      interactions: await count(COLLECTIONS.interactions),
    };
  }

  return { repos, clock, ids, deps, workspaces, contacts, tenant, logInteractions, holdings };
}

export type ContactWorld = ReturnType<typeof contactWorld>;
export type Tenant = Awaited<ReturnType<ContactWorld['tenant']>>;

/** Settles a promise and hands back its rejection (or fails the test when it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
