import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor, Role } from '../../../src/core/shared/actor.js';
import type { Clock } from '../../../src/core/shared/ports.js';
import { foldForSearch } from '../../../src/core/shared/text.js';
import {
  defaultSettings,
  type Workspace,
  type WorkspaceSettings,
} from '../../../src/core/workspaces/workspace.js';
import type { Database } from '../../../src/infra/mongo/database.js';
import {
  MongoContactRepository,
  MongoOrganisationRepository,
} from '../../../src/infra/mongo/repositories/contact.repository.js';
import { MongoInteractionRepository } from '../../../src/infra/mongo/repositories/interaction.repository.js';
import {
  MongoMemberRepository,
  MongoWorkspaceRepository,
} from '../../../src/infra/mongo/repositories/workspace.repository.js';
import type { CoreRepositories, Storage } from '../../../src/infra/storage.js';

/** Real repositories on the test database (no mocks of the data layer). */
export type Repositories = Pick<
  CoreRepositories,
  'workspaces' | 'members' | 'contacts' | 'organisations' | 'interactions'
>;

export function repositoriesOf(db: Database | Storage): Repositories {
  if ('repositories' in db) return db.repositories;
  return {
    workspaces: new MongoWorkspaceRepository(db.connection),
    members: new MongoMemberRepository(db.connection),
    contacts: new MongoContactRepository(db.connection),
    organisations: new MongoOrganisationRepository(db.connection),
    interactions: new MongoInteractionRepository(db.connection),
  };
}

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now.getTime()),
    set(next) {
      now = new Date(next);
    },
  };
}

let sequence = 0;
export const uniqueId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function createWorkspace(
  repos: Repositories,
  settings: Partial<WorkspaceSettings> = {},
): Promise<Workspace> {
  const at = new Date('2026-01-01T00:00:00Z');
  return repos.workspaces.insertOrGet({
    id: uniqueId('ws'),
    platform: 'slack',
    externalId: uniqueId('T'),
    name: 'Test workspace',
    settings: { ...defaultSettings(), ...settings },
    createdAt: at,
    updatedAt: at,
  });
}

export function actorOf(workspace: Workspace, role: Role = 'member', userId = 'U1'): Actor {
  return { workspaceId: workspace.id, userId, role, displayName: `User ${userId}` };
}

export async function addContact(
  repos: Repositories,
  workspace: Workspace,
  fields: Partial<Contact> & { firstName: string; lastName: string },
): Promise<Contact> {
  const at = fields.createdAt ?? new Date('2026-01-02T00:00:00Z');
  const contact: Contact = {
    id: uniqueId('c'),
    workspaceId: workspace.id,
    emails: [],
    phones: [],
    tags: [],
    searchText: foldForSearch(`${fields.firstName} ${fields.lastName}`),
    createdAt: at,
    updatedAt: at,
    createdBy: 'U1',
    ...fields,
  };
  await repos.contacts.insert(contact);
  return contact;
}

export function interactionFor(
  workspace: Workspace,
  contact: Contact,
  fields: Partial<Interaction> = {},
): Interaction {
  const id = uniqueId('i');
  const occurredAt = fields.occurredAt ?? new Date('2026-03-10T09:00:00Z');
  return {
    id,
    workspaceId: workspace.id,
    eventId: id,
    contactId: contact.id,
    contactName: `${contact.firstName} ${contact.lastName}`,
    ...(contact.organisationId ? { organisationId: contact.organisationId } : {}),
    type: 'Call',
    actions: [],
    description: '',
    occurredAt,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    authorId: 'U1',
    authorName: 'Alice Martin',
    important: false,
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: `${id}:${contact.id}`,
    ...fields,
  };
}

export async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
