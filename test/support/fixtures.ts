import { randomBytes } from 'node:crypto';
import type { Contact, Organisation } from '../../src/core/contacts/contact.js';
import type {
  FollowUpReminder,
  FollowUpScheduler,
} from '../../src/core/followups/follow-up-scheduler.port.js';
import type { Actor } from '../../src/core/shared/actor.js';
import { type Clock, type IdGenerator, silentLogger } from '../../src/core/shared/ports.js';
import { foldForSearch } from '../../src/core/shared/text.js';
import { defaultSettings, type Member, type Workspace } from '../../src/core/workspaces/workspace.js';
import type { Database } from '../../src/infra/mongo/database.js';
import { MongoAuditRepository } from '../../src/infra/mongo/repositories/claim-audit.repository.js';
import {
  MongoContactRepository,
  MongoOrganisationRepository,
} from '../../src/infra/mongo/repositories/contact.repository.js';
import { MongoInteractionRepository } from '../../src/infra/mongo/repositories/interaction.repository.js';
import {
  MongoMemberRepository,
  MongoWorkspaceRepository,
} from '../../src/infra/mongo/repositories/workspace.repository.js';
import type { CoreRepositories, Storage } from '../../src/infra/storage.js';
import type { EngineHandle } from './engines.js';

/** Builders with overrides, and real repositories on a test database (no mocks of the data layer). */

export const T0 = new Date('2025-03-10T10:00:00.000Z');

export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function makeClock(start: Date | string = T0): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Sequential ids: sorting by id follows creation order, and tests can predict tie-breaks. */
export function makeIds(prefix = randomBytes(3).toString('hex')): IdGenerator {
  let counter = 0;
  return { next: () => `${prefix}-${String(++counter).padStart(6, '0')}` };
}

const uniqueIds = makeIds('fx');
export const uniqueId = (): string => uniqueIds.next();

export function makeActor(overrides: Partial<Actor> = {}): Actor {
  return { workspaceId: 'ws-a', userId: 'U-member', role: 'member', displayName: 'Mia Member', ...overrides };
}

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    id: uniqueId(),
    platform: 'slack',
    externalId: `T${uniqueId()}`,
    name: 'Test workspace',
    settings: defaultSettings(),
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeMember(overrides: Partial<Member> & Pick<Member, 'workspaceId' | 'userId'>): Member {
  return { role: 'member', displayName: overrides.userId, createdAt: T0, updatedAt: T0, ...overrides };
}

export function makeContact(overrides: Partial<Contact> & Pick<Contact, 'workspaceId'>): Contact {
  const base: Contact = {
    id: uniqueId(),
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [],
    phones: [],
    tags: [],
    searchText: '',
    createdAt: T0,
    updatedAt: T0,
    createdBy: 'U-owner',
    ...overrides,
  };
  const searchText = foldForSearch([base.firstName, base.lastName, ...base.emails, ...base.phones].join(' '));
  return { ...base, searchText: overrides.searchText ?? searchText };
}

export function makeOrganisation(
  overrides: Partial<Organisation> & Pick<Organisation, 'workspaceId'>,
): Organisation {
  const name = overrides.name ?? 'Acme';
  return { id: uniqueId(), name, nameKey: foldForSearch(name), createdAt: T0, ...overrides };
}

/** Records what the services asked of the scheduler, to assert reminders move and cancel. */
export class RecordingScheduler implements FollowUpScheduler {
  readonly scheduled: FollowUpReminder[] = [];
  readonly cancelled: string[] = [];
  async schedule(reminders: FollowUpReminder[]): Promise<void> {
    this.scheduled.push(...reminders);
  }
  async cancel(_workspaceId: string, interactionIds: string[]): Promise<void> {
    this.cancelled.push(...interactionIds);
  }
  reset(): void {
    this.scheduled.length = 0;
    this.cancelled.length = 0;
  }
}

/** The core's ports (not the Mongo classes), so engine-neutral helpers take either engine's. */
export type Repositories = Omit<CoreRepositories, 'claims'>;

export function mongoRepositories(db: Database): Repositories {
  const connection = db.connection;
  return {
    interactions: new MongoInteractionRepository(connection),
    contacts: new MongoContactRepository(connection),
    organisations: new MongoOrganisationRepository(connection),
    workspaces: new MongoWorkspaceRepository(connection),
    members: new MongoMemberRepository(connection),
    audit: new MongoAuditRepository(connection),
  };
}

/**
 * Ports for the core services: real repositories (a MongoDB test database, or any engine's
 * Storage from test/support/engines.ts), a controllable clock, predictable ids.
 */
export function makeDeps(source: Database | Storage, clock: TestClock = makeClock()) {
  const repositories: Repositories =
    'repositories' in source ? source.repositories : mongoRepositories(source);
  return {
    ...repositories,
    scheduler: new RecordingScheduler(),
    clock,
    ids: makeIds(),
    logger: silentLogger,
  };
}
export type TestDeps = ReturnType<typeof makeDeps>;

export interface Tenant {
  workspace: Workspace;
  owner: Actor;
  member: Actor;
  otherMember: Actor;
  viewer: Actor;
}

/** A workspace with an owner, two members and a viewer, all registered as members. */
export async function seedTenant(repos: Repositories, name = 'Acme team'): Promise<Tenant> {
  const workspace = await repos.workspaces.insertOrGet(makeWorkspace({ name }));
  const actor = (userId: string, role: Actor['role'], displayName: string): Actor => ({
    workspaceId: workspace.id,
    userId,
    role,
    displayName,
  });
  const tenant: Tenant = {
    workspace,
    owner: actor('U-owner', 'owner', 'Olga Owner'),
    member: actor('U-member', 'member', 'Mia Member'),
    otherMember: actor('U-other', 'member', 'Otto Other'),
    viewer: actor('U-viewer', 'viewer', 'Vic Viewer'),
  };
  for (const who of [tenant.owner, tenant.member, tenant.otherMember, tenant.viewer]) {
    await repos.members.insertOrGet(
      makeMember({
        workspaceId: workspace.id,
        userId: who.userId,
        role: who.role,
        displayName: who.displayName ?? who.userId,
      }),
    );
  }
  return tenant;
}

export async function seedContact(
  repos: Repositories,
  workspaceId: string,
  overrides: Partial<Contact> = {},
): Promise<Contact> {
  const contact = makeContact({ workspaceId, ...overrides });
  await repos.contacts.insert(contact);
  return contact;
}

/** Counts of what a tenant holds, to assert a rejected call wrote nothing. */
export async function writtenIn(
  source: Database | EngineHandle,
  workspaceId: string,
): Promise<{ interactions: number; audit: number }> {
  if ('storage' in source) {
    const { interactions, audit } = await source.holdings(workspaceId);
    return { interactions, audit };
  }
  const raw = source.connection.getClient().db(source.connection.name);
  return {
    interactions: await raw.collection('interactions').countDocuments({ workspaceId }),
    audit: await raw.collection('audit_entries').countDocuments({ workspaceId }),
  };
}
