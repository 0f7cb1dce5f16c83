import { afterAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { openSqliteStore } from '../../../src/infra/sqlite/open-sqlite-store.js';
import {
  SELECT_INTERACTION,
  toInteraction,
} from '../../../src/infra/sqlite/repositories/interaction-entity.js';
import { RowShapeError } from '../../../src/infra/sqlite/rows.js';

const T0 = new Date('2026-06-01T12:00:00.000Z');
const full: Interaction = {
  id: 'i-1',
  workspaceId: 'ws-entity',
  eventId: 'e-1',
  contactId: 'c-1',
  contactName: 'Ana Lévy',
  organisationId: 'o-1',
  type: 'Visit',
  actions: ['Agreed', 'To call back'],
  description: 'Talked about the harpsichord',
  occurredAt: T0,
  createdAt: T0,
  updatedAt: new Date(T0.getTime() + 1),
  authorId: 'u-1',
  authorName: 'Ben',
  important: true,
  followUp: {
    dueAt: new Date(T0.getTime() + 86_400_000),
    assigneeId: 'u-2',
    status: 'done',
    snoozedUntil: new Date(T0.getTime() + 3_600_000),
    doneAt: new Date(T0.getTime() + 7_200_000),
    doneBy: 'u-2',
  },
  visitAddress: '1 rue de la Paix',
  direction: 'outbound',
  channel: 'in_person',
  attachments: [
    {
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      size: 10,
      url: 'https://x.test/f',
      platformFileId: 'F1',
    },
  ],
  source: { kind: 'chat-message', link: 'https://example.test/m/1' },
  idempotencyKey: 'k-1',
};

describe('SQLite interaction rows read by position', () => {
  const store = openSqliteStore({ path: ':memory:', logger: silentLogger });
  afterAll(() => store.close());

  it('gives back every field written, and leaves absent ones absent', async () => {
    const bare: Interaction = { ...full, id: 'i-2', idempotencyKey: 'k-2', actions: [], attachments: [] };
    for (const key of ['organisationId', 'followUp', 'visitAddress', 'direction', 'channel'] as const) {
      delete bare[key];
    }
    bare.source = { kind: 'manual' };
    await store.repositories.interactions.insertMany([full, bare]);
    expect(await store.repositories.interactions.findById('ws-entity', 'i-1')).toEqual(full);
    expect(await store.repositories.interactions.findById('ws-entity', 'i-2')).toEqual(bare);
  });

  it('reads big integers from a connection that returns them as bigint', () => {
    const row = [...Array(28)].map(() => null) as (string | number | bigint | null)[];
    Object.assign(row, [
      'i',
      'w',
      'e',
      'c',
      'Ana',
      'Call',
      '[]',
      'd',
      10n,
      20n,
      30n,
      'u',
      'Ben',
      0n,
      '[]',
      'api',
      'k',
    ]);
    const interaction = toInteraction(row);
    expect(interaction.occurredAt).toEqual(new Date(10));
    expect(interaction.important).toBe(false);
    expect(interaction.source).toEqual({ kind: 'api' });
  });

  it('refuses a row whose column holds another type, naming the column', () => {
    const row = [...Array(28)].map(() => null) as (string | number | null)[];
    Object.assign(row, [
      'i',
      'w',
      'e',
      'c',
      'Ana',
      'Call',
      '[]',
      42,
      1,
      2,
      3,
      'u',
      'Ben',
      0,
      '[]',
      'api',
      'k',
    ]);
    expect(() => toInteraction(row)).toThrow(RowShapeError);
    expect(() => toInteraction(row)).toThrow('Column description is not text');
    expect(SELECT_INTERACTION).not.toContain('_folded');
  });
});
