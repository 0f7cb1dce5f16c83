import type { Contact, Organisation } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import type { Page } from '../../../src/core/shared/paging.js';

/** Fixed clock for view tests: Thursday 12 Nov 2026, 10:00 UTC (11:00 in Paris). */
export const NOW = new Date('2026-11-12T10:00:00.000Z');

export function buildInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: 'i0000000000000000000000000000001',
    workspaceId: 'w1',
    eventId: 'e1',
    contactId: 'c1',
    contactName: 'Yossi Lévy',
    type: 'Call',
    actions: ['To call back'],
    description: 'Discussed the winter distribution.',
    occurredAt: new Date('2026-11-10T14:30:00.000Z'),
    createdAt: new Date('2026-11-10T14:31:00.000Z'),
    updatedAt: new Date('2026-11-10T14:31:00.000Z'),
    authorId: 'U0AUTHOR',
    authorName: 'Ann Author',
    important: false,
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: 'submission-1:c1',
    ...overrides,
  };
}

/** `count` interactions a day apart, newest first, ids i…001, i…002, … */
export function buildInteractions(count: number, overrides: Partial<Interaction> = {}): Interaction[] {
  return Array.from({ length: count }, (_, index) =>
    buildInteraction({
      id: `i${String(index + 1).padStart(31, '0')}`,
      occurredAt: new Date(Date.UTC(2026, 10, 10, 12) - index * 86_400_000),
      ...overrides,
    }),
  );
}

export function buildContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    workspaceId: 'w1',
    firstName: 'Yossi',
    lastName: 'Lévy',
    emails: ['yossi@example.org'],
    phones: [],
    tags: [],
    searchText: 'yossi levy yossi@example.org',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    createdBy: 'U0AUTHOR',
    ...overrides,
  };
}

export function buildOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 'o1',
    workspaceId: 'w1',
    name: 'Acme',
    nameKey: 'acme',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  };
}

export function pageOf(items: Interaction[], extra: Partial<Page<Interaction>> = {}): Page<Interaction> {
  return { items, total: items.length, ...extra };
}

export const author: Actor = { workspaceId: 'w1', userId: 'U0AUTHOR', role: 'member' };
export const otherMember: Actor = { workspaceId: 'w1', userId: 'U0OTHER', role: 'member' };
export const owner: Actor = { workspaceId: 'w1', userId: 'U0OWNER', role: 'owner' };
export const viewer: Actor = { workspaceId: 'w1', userId: 'U0VIEWER', role: 'viewer' };
