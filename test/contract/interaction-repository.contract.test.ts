import { beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/core/interactions/interaction.js';
import type { InteractionRepository } from '../../src/core/interactions/interaction.repository.port.js';
import { ENGINES } from '../support/engines.js';
import { T0 } from '../support/fixtures.js';

/** The repository methods other use cases build on (merge, export, report), on every engine. */
const WS = 'ws-repo';
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
let n = 0;

function record(overrides: Partial<Interaction>): Interaction {
  const id = `rec-${String(++n).padStart(3, '0')}`;
  return {
    id,
    workspaceId: WS,
    eventId: `ev-${id}`,
    contactId: 'c1',
    contactName: 'Ada Lovelace',
    type: 'Call',
    actions: [],
    description: '',
    occurredAt: at(-n),
    createdAt: T0,
    updatedAt: T0,
    authorId: 'U1',
    authorName: 'One',
    important: false,
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: `k-${id}`,
    ...overrides,
  };
}

const records = [
  record({ type: 'Visit', actions: ['Agreed', 'Donated'], authorId: 'U2' }),
  record({ actions: ['Agreed'], followUp: { dueAt: at(-1), assigneeId: 'U1', status: 'open' } }),
  record({
    contactId: 'c2',
    followUp: { dueAt: at(-30), assigneeId: 'U1', status: 'open', snoozedUntil: at(5) },
  }),
  record({ contactId: 'c2', followUp: { dueAt: at(-2), assigneeId: 'U1', status: 'done', doneAt: at(-1) } }),
];

describe.each(ENGINES)('interaction repository on $name', (engine) => {
  const store = engine.use();
  const deps: { interactions: InteractionRepository } = {
    get interactions() {
      return store.storage.repositories.interactions;
    },
  };

  beforeAll(async () => {
    const result = await deps.interactions.insertMany(records);
    expect(result).toEqual({ insertedIds: records.map((r) => r.id), duplicateKeys: [] });
  });

  it('round-trips a record exactly and skips a replayed idempotency key', async () => {
    expect(await deps.interactions.findById(WS, records[2]!.id)).toEqual(records[2]);
    const replay = record({ idempotencyKey: records[0]!.idempotencyKey });
    const fresh = record({});
    const result = await deps.interactions.insertMany([replay, fresh]);
    expect(result).toEqual({ insertedIds: [fresh.id], duplicateKeys: [records[0]!.idempotencyKey] });
    await deps.interactions.deleteByIds(WS, [fresh.id]);
  });

  it('streams every match oldest first, in batches of at most the size asked for', async () => {
    const batches: string[][] = [];
    for await (const batch of deps.interactions.stream(WS, {}, T0, 3)) batches.push(batch.map((r) => r.id));
    const oldestFirst = records.map((r) => r.id).reverse();
    expect(batches).toEqual([oldestFirst.slice(0, 3), oldestFirst.slice(3)]);
    const early: string[] = [];
    for await (const batch of deps.interactions.stream(WS, { types: ['Call'] }, T0, 1)) {
      early.push(...batch.map((r) => r.id));
      break; // the cursor is closed when the consumer stops
    }
    expect(early).toEqual([records[3]!.id]);
  });

  it('counts by field, biggest first, each action of each record', async () => {
    expect(await deps.interactions.countBy(WS, {}, 'type', 10, T0)).toEqual([
      { key: 'Call', count: 3 },
      { key: 'Visit', count: 1 },
    ]);
    expect(await deps.interactions.countBy(WS, {}, 'actions', 10, T0)).toEqual([
      { key: 'Agreed', count: 2 },
      { key: 'Donated', count: 1 },
    ]);
    expect(await deps.interactions.countBy(WS, {}, 'contactId', 1, T0)).toEqual([{ key: 'c1', count: 2 }]);
  });

  it('counts follow-ups done in a period and overdue by fire time', async () => {
    expect(await deps.interactions.countFollowUpsDone(WS, at(-2), T0)).toBe(1);
    expect(await deps.interactions.countFollowUpsDone(WS, T0, at(1))).toBe(0);
    // the snoozed one fires at +5h although it was due long ago
    expect(await deps.interactions.countFollowUpsOverdue(WS, T0)).toBe(1);
    expect(await deps.interactions.countFollowUpsOverdue(WS, at(6))).toBe(2);
  });

  it('moves interactions to another contact on a merge and keeps contact fields in step', async () => {
    const moved = await deps.interactions.reassignContact(
      WS,
      'c2',
      { contactId: 'c3', contactName: 'Zoé Merged' },
      at(1),
    );
    expect(moved).toBe(2);
    expect(await deps.interactions.countForContact(WS, 'c2')).toBe(0);
    expect(await deps.interactions.countForContact(WS, 'c3')).toBe(2);
    expect(await deps.interactions.count(WS, { contactText: 'zoe' }, T0)).toBe(2);
    await deps.interactions.refreshContactFields(WS, 'c3', 'Zoé Renamed', 'org-1');
    const page = await deps.interactions.page(
      WS,
      { filter: { organisationId: 'org-1' }, sort: 'date', limit: 10, direction: 'older' },
      T0,
    );
    expect(page.items.map((i) => [i.contactName, i.updatedAt])).toEqual([
      ['Zoé Renamed', at(1)],
      ['Zoé Renamed', at(1)],
    ]);
  });

  it('updates only within the workspace', async () => {
    const patch = { description: 'changed', updatedAt: at(2) };
    expect(await deps.interactions.update('other-ws', records[0]!.id, patch)).toBeNull();
    expect(await deps.interactions.deleteById('other-ws', records[0]!.id)).toBe(false);
    expect((await deps.interactions.findById(WS, records[0]!.id))!.description).toBe('');
  });
});
