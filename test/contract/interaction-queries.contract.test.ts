import { beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/core/interactions/interaction.js';
import type { PageQuery } from '../../src/core/interactions/interaction.repository.port.js';
import type { InteractionFilter } from '../../src/core/interactions/interaction-filter.js';
import type { PageCursor } from '../../src/core/shared/paging.js';
import { ENGINES } from '../support/engines.js';
import { T0 } from '../support/fixtures.js';

/**
 * Every query shape the interaction screens send (timelines, the filtered list, follow-ups,
 * counts, the export stream, a collective log), once, on every engine. On SQLite the plan guard
 * also checks each shape is served by an index.
 */
const WS = 'ws-q';
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

function record(n: number, overrides: Partial<Interaction> = {}): Interaction {
  const id = `q-${String(n).padStart(3, '0')}`;
  return {
    id,
    workspaceId: WS,
    eventId: `ev-${id}`,
    contactId: n % 3 === 0 ? 'c-ada' : 'c-bob',
    contactName: n % 3 === 0 ? 'Ada Lévy' : 'Bob Martin',
    ...(n % 2 === 0 ? { organisationId: 'org-1' } : {}),
    type: ['Call', 'Visit', 'Email'][n % 3] as string,
    actions: n % 4 === 0 ? ['Agreed'] : [],
    description: n % 5 === 0 ? `Talked about the Café project ${n}` : `Note ${n}`,
    // Two records share each hour, so the id breaks the tie.
    occurredAt: hours(-Math.floor(n / 2)),
    createdAt: T0,
    updatedAt: T0,
    authorId: n % 2 === 0 ? 'U1' : 'U2',
    authorName: 'Author',
    important: n % 7 === 0,
    attachments:
      n % 6 === 0 ? [{ name: 'a.pdf', mimeType: 'application/pdf', size: 10, url: 'https://f/a' }] : [],
    source: { kind: 'manual' },
    idempotencyKey: `key-${id}`,
    ...overrides,
  };
}

const records = Array.from({ length: 30 }, (_, n) => record(n));
const byDisplayOrder = (items: Interaction[]) =>
  [...items].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1));
const cursorOf = (item: Interaction, key?: string): PageCursor => ({
  at: item.occurredAt.toISOString(),
  id: item.id,
  ...(key === undefined ? {} : { key }),
});

describe.each(ENGINES)('interaction queries on $name', (engine) => {
  const store = engine.use();
  const repo = () => store.storage.repositories.interactions;
  const page = (query: Partial<PageQuery> & { filter: InteractionFilter }) =>
    repo().page(WS, { sort: 'date', limit: 5, direction: 'older', ...query }, T0);
  const ids = (items: Interaction[]) => items.map((item) => item.id);

  beforeAll(async () => {
    await repo().insertMany(records);
  });

  it('pages a contact timeline newest first, older then newer from a cursor', async () => {
    const timeline = byDisplayOrder(records.filter((r) => r.contactId === 'c-ada'));
    const first = await page({ filter: { contactIds: ['c-ada'] }, limit: 4 });
    expect(ids(first.items)).toEqual(ids(timeline.slice(0, 4)));
    expect(first.hasMore).toBe(true);
    const second = await page({
      filter: { contactIds: ['c-ada'] },
      limit: 4,
      cursor: cursorOf(timeline[3]!),
    });
    expect(ids(second.items)).toEqual(ids(timeline.slice(4, 8)));
    const back = await page({
      filter: { contactIds: ['c-ada'] },
      limit: 4,
      cursor: cursorOf(timeline[4]!),
      direction: 'newer',
    });
    expect(ids(back.items)).toEqual(ids(timeline.slice(0, 4)));
    expect(back.hasMore).toBe(false);
  });

  it('pages an organisation timeline and the whole workspace newest first', async () => {
    const org = byDisplayOrder(records.filter((r) => r.organisationId === 'org-1'));
    expect(ids((await page({ filter: { organisationId: 'org-1' } })).items)).toEqual(ids(org.slice(0, 5)));
    const all = byDisplayOrder(records);
    const first = await page({ filter: {} });
    expect(ids(first.items)).toEqual(ids(all.slice(0, 5)));
    expect(await repo().count(WS, {}, T0)).toBe(30);
  });

  it('filters by types, a date range and a word of the description (accents ignored)', async () => {
    const filter: InteractionFilter = {
      types: ['Call', 'Visit'],
      from: hours(-12),
      to: hours(0),
      text: 'CAFE',
    };
    const expected = byDisplayOrder(
      records.filter(
        (r) =>
          ['Call', 'Visit'].includes(r.type) &&
          r.occurredAt >= hours(-12) &&
          r.occurredAt < hours(0) &&
          r.description.includes('Café'),
      ),
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(ids((await page({ filter, limit: 10 })).items)).toEqual(ids(expected));
    expect(await repo().count(WS, filter, T0)).toBe(expected.length);
  });

  it('filters by several contacts, authors, actions, contact name, flags and attachments', async () => {
    const check = async (filter: InteractionFilter, keep: (r: Interaction) => boolean) => {
      const expected = byDisplayOrder(records.filter(keep));
      expect(ids((await page({ filter, limit: 30 })).items)).toEqual(ids(expected));
      expect(await repo().count(WS, filter, T0)).toBe(expected.length);
    };
    await check({ contactIds: ['c-ada', 'c-bob'] }, () => true);
    await check({ authorIds: ['U1'] }, (r) => r.authorId === 'U1');
    await check({ actions: ['Agreed', 'Declined'] }, (r) => r.actions.includes('Agreed'));
    await check({ contactText: 'levy' }, (r) => r.contactId === 'c-ada');
    await check({ importantOnly: true }, (r) => r.important);
    await check({ hasAttachments: true }, (r) => r.attachments.length > 0);
    await check({ hasAttachments: false, followUp: 'none' }, (r) => r.attachments.length === 0);
  });

  it('sorts by type then newest, and pages across a type boundary both ways', async () => {
    const order = [...records].sort(
      (a, b) =>
        a.type.localeCompare(b.type) ||
        b.occurredAt.getTime() - a.occurredAt.getTime() ||
        (a.id < b.id ? 1 : -1),
    );
    const first = await page({ filter: {}, sort: 'type', limit: 12 });
    expect(ids(first.items)).toEqual(ids(order.slice(0, 12)));
    const boundary = order[11]!;
    const next = await page({
      filter: {},
      sort: 'type',
      limit: 12,
      cursor: cursorOf(boundary, boundary.type),
    });
    expect(ids(next.items)).toEqual(ids(order.slice(12, 24)));
    const start = order[12]!;
    const back = await page({
      filter: {},
      sort: 'type',
      limit: 12,
      cursor: cursorOf(start, start.type),
      direction: 'newer',
    });
    expect(ids(back.items)).toEqual(ids(order.slice(0, 12)));
  });

  it('streams a filtered export oldest first', async () => {
    const seen: string[] = [];
    for await (const batch of repo().stream(WS, { types: ['Visit'], from: hours(-10) }, T0, 500))
      seen.push(...ids(batch));
    const expected = byDisplayOrder(records.filter((r) => r.type === 'Visit' && r.occurredAt >= hours(-10)));
    expect(seen).toEqual(ids(expected).reverse());
  });

  it("lists a member's open follow-ups soonest first (snooze wins), and counts them", async () => {
    const followUps = [
      record(100, { followUp: { dueAt: hours(5), assigneeId: 'U-fu', status: 'open' } }),
      record(101, {
        followUp: { dueAt: hours(-5), assigneeId: 'U-fu', status: 'open', snoozedUntil: hours(9) },
      }),
      record(102, { followUp: { dueAt: hours(-1), assigneeId: 'U-fu', status: 'open' } }),
      record(103, { followUp: { dueAt: hours(-2), assigneeId: 'U-fu', status: 'done', doneAt: hours(-1) } }),
      record(104, { followUp: { dueAt: hours(-2), assigneeId: 'U-other', status: 'open' } }),
    ];
    await repo().insertMany(followUps);
    const open = await repo().listFollowUps(WS, 'U-fu', 'open', 10);
    expect(ids(open)).toEqual(['q-102', 'q-100', 'q-101']);
    expect(ids(await repo().listFollowUps(WS, 'U-fu', 'open', 10, T0))).toEqual(['q-102']);
    expect(ids(await repo().listFollowUps(WS, 'U-fu', 'done', 10))).toEqual(['q-103']);
    expect(await repo().count(WS, { followUp: 'open' }, T0)).toBe(4);
    expect(await repo().count(WS, { followUp: 'overdue' }, T0)).toBe(2);
    expect(ids((await page({ filter: { followUp: 'overdue' } })).items)).toEqual(['q-102', 'q-104']);
    expect(await repo().count(WS, { followUp: 'done' }, T0)).toBe(1);
  });

  it('logs a collective event in one write, skipping only the contacts already logged', async () => {
    const event = (n: number, contactId: string) =>
      record(n, { eventId: 'ev-collective', contactId, idempotencyKey: `submit-1:${contactId}` });
    const first = [event(200, 'c-1'), event(201, 'c-2')];
    expect(await repo().insertMany(first)).toEqual({ insertedIds: ['q-200', 'q-201'], duplicateKeys: [] });
    // A replay of the same submission with one more contact adds only that one.
    const replay = [event(202, 'c-1'), event(203, 'c-2'), event(204, 'c-3')];
    expect(await repo().insertMany(replay)).toEqual({
      insertedIds: ['q-204'],
      duplicateKeys: ['submit-1:c-1', 'submit-1:c-2'],
    });
    const logged = await repo().findByIdempotencyKeys(WS, ['submit-1:c-1', 'submit-1:c-2', 'submit-1:c-3']);
    expect(ids(logged).sort()).toEqual(['q-200', 'q-201', 'q-204']);
    // The workspace's total follows inserts and deletes, skipped replays included.
    const total = await repo().count(WS, {}, T0);
    expect(await repo().deleteByIds(WS, ['q-200', 'q-204', 'not-there'])).toBe(2);
    expect(await repo().deleteById(WS, 'q-201')).toBe(true);
    expect(await repo().count(WS, {}, T0)).toBe(total - 3);
    expect(await repo().count(WS, { text: '  ', contactText: '' }, T0)).toBe(total - 3);
    expect(await repo().count('ws-never-used', {}, T0)).toBe(0);
  });

  it('writes a duplicate submit from two processes exactly once', async () => {
    const other = (await store.second()).repositories.interactions;
    const submit = (prefix: string) =>
      ['c-1', 'c-2', 'c-3'].map((contactId, i) =>
        record(300 + i, { id: `${prefix}-${i}`, contactId, idempotencyKey: `submit-2:${contactId}` }),
      );
    const [mine, theirs] = await Promise.all([repo().insertMany(submit('a')), other.insertMany(submit('b'))]);
    expect(mine.insertedIds.length + theirs.insertedIds.length).toBe(3);
    expect(mine.duplicateKeys.length + theirs.duplicateKeys.length).toBe(3);
    const keys = ['c-1', 'c-2', 'c-3'].map((c) => `submit-2:${c}`);
    expect(await repo().findByIdempotencyKeys(WS, keys)).toHaveLength(3);
  });

  it('updates fields and clears the ones unset, keeping derived search columns in step', async () => {
    const target = record(400, {
      followUp: { dueAt: hours(1), assigneeId: 'U-up', status: 'open' },
      visitAddress: '1 rue X',
      attachments: [{ name: 'b.pdf', mimeType: 'application/pdf', size: 1, url: 'https://f/b' }],
    });
    await repo().insertMany([target]);
    const updated = await repo().update(
      WS,
      target.id,
      { description: 'Rencontre à Genève', attachments: [], updatedAt: hours(1) },
      ['followUp', 'visitAddress'],
    );
    const { followUp: _f, visitAddress: _v, ...rest } = target;
    expect(updated).toEqual({
      ...rest,
      description: 'Rencontre à Genève',
      attachments: [],
      updatedAt: hours(1),
    });
    expect(await repo().count(WS, { text: 'geneve', hasAttachments: false }, T0)).toBe(1);
    expect(await repo().listFollowUps(WS, 'U-up', 'open', 10)).toEqual([]);
  });

  it('reads many records by id across workspaces, each only for its own workspace', async () => {
    await repo().insertMany([record(500, { workspaceId: 'ws-q2', idempotencyKey: 'k-500' })]);
    const found = await store.storage.interactionLookup.findMany([
      { workspaceId: WS, id: 'q-001' },
      { workspaceId: 'ws-q2', id: 'q-500' },
      { workspaceId: WS, id: 'q-500' },
    ]);
    expect(found.map((i) => `${i.workspaceId}/${i.id}`).sort()).toEqual(['ws-q/q-001', 'ws-q2/q-500']);
  });
});
