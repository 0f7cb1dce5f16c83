import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_COUNT_LIMIT } from '../../../src/core/interactions/count-limit.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { ENGINES } from '../../support/engines.js';
import { makeDeps, seedContact, seedTenant, T0 } from '../../support/fixtures.js';

/**
 * A list that searches the descriptions counts up to TEXT_COUNT_LIMIT matches and then says
 * "more than" (decided once, in readPage); without text, every count is exact.
 * Data: TEXT_COUNT_LIMIT Calls and 2 Visits mention "family", 3 Calls do not.
 */
describe.each(ENGINES)('counting a text search on $name', (engine) => {
  const store = engine.use();
  let service: ReturnType<typeof createInteractionService>;
  let reader: Actor;

  beforeAll(async () => {
    const deps = makeDeps(store.storage);
    service = createInteractionService(deps);
    const tenant = await seedTenant(deps);
    reader = tenant.viewer;
    const ws = tenant.workspace.id;
    const contact = await seedContact(deps, ws, { firstName: 'Sarah', lastName: 'Lévy' });
    const record = (n: number, type: string, description: string): Interaction => ({
      id: `count-limit-${n}`,
      workspaceId: ws,
      eventId: `count-limit-${n}`,
      contactId: contact.id,
      contactName: 'Sarah Lévy',
      type,
      actions: [],
      description,
      occurredAt: new Date(T0.getTime() - n * 60_000),
      createdAt: T0,
      updatedAt: T0,
      authorId: tenant.member.userId,
      authorName: 'Mia Member',
      important: false,
      attachments: [],
      source: { kind: 'manual' },
      idempotencyKey: `count-limit-${n}`,
    });
    const records = [
      ...Array.from({ length: TEXT_COUNT_LIMIT }, (_, n) =>
        record(n, 'Call', `Asked about the family (${n})`),
      ),
      record(TEXT_COUNT_LIMIT, 'Visit', 'Family lunch'),
      record(TEXT_COUNT_LIMIT + 1, 'Visit', 'Met the whole FAMILY'),
      ...[2, 3, 4].map((offset) => record(TEXT_COUNT_LIMIT + offset, 'Call', 'Talked about the budget')),
    ];
    await deps.interactions.insertMany(records);
  });

  const list = (filter: Record<string, unknown>, cursor?: string) =>
    service.listInteractions(reader, { filter, limit: 20, ...(cursor ? { cursor } : {}) });

  it('says "more than" the limit when the text matches more, on every page', async () => {
    const first = await list({ text: 'family' });
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(TEXT_COUNT_LIMIT);
    expect(first.moreThanTotal).toBe(true);
    const second = await list({ text: 'family' }, first.nextCursor);
    expect(second.total).toBe(TEXT_COUNT_LIMIT);
    expect(second.moreThanTotal).toBe(true);
  });

  it('gives the exact figure when the text matches exactly the limit', async () => {
    const page = await list({ text: 'family', types: ['Call'] });
    expect(page.total).toBe(TEXT_COUNT_LIMIT);
    expect(page.moreThanTotal).toBeUndefined();
  });

  it('counts every match of a filter without text', async () => {
    const page = await list({ types: ['Call'] });
    expect(page.total).toBe(TEXT_COUNT_LIMIT + 3);
    expect(page.moreThanTotal).toBeUndefined();
  });
});
