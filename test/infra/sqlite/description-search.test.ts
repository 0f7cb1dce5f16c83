import { afterAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import type { InteractionFilter } from '../../../src/core/interactions/interaction-filter.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { openSqliteStore } from '../../../src/infra/sqlite/open-sqlite-store.js';
import {
  trigramQuery,
  WORDS_INDEX_DRIVES_ROWS,
  WORDS_INDEX_MAX_ROWS,
  WordsSearchPlanner,
} from '../../../src/infra/sqlite/repositories/interaction-text-search.js';
import { unservedStatements } from '../../support/sqlite-query-plans.js';

const WS = 'ws-words';
const T0 = new Date('2026-06-01T12:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() - n * 60_000);

function record(n: number, description: string, type = n % 2 === 0 ? 'Visit' : 'Call'): Interaction {
  const id = `i-${String(n).padStart(6, '0')}`;
  return {
    id,
    workspaceId: WS,
    eventId: id,
    contactId: `c-${n % 50}`,
    contactName: 'Ana Lévy',
    type,
    actions: [],
    description,
    occurredAt: minutes(n),
    createdAt: T0,
    updatedAt: T0,
    authorId: 'U1',
    authorName: 'Author',
    important: false,
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: `key-${id}`,
  };
}

/**
 * The description search on SQLite reads a rare text from the trigram index, tests a less rare
 * one's row numbers against it while walking the date index, and walks with instr() alone for
 * a common one: all give exactly the rows holding the text, as a substring.
 */
describe('the description search on SQLite', () => {
  const statements = new Set<string>();
  const store = openSqliteStore({
    path: ':memory:',
    logger: silentLogger,
    onPrepare: (sql) => statements.add(sql),
  });
  const repo = store.repositories.interactions;
  afterAll(() => store.close());

  // More records holding "routine" than the index path takes, a few holding "harpsichord".
  const common = Array.from({ length: WORDS_INDEX_MAX_ROWS + 200 }, (_, n) =>
    record(n, n % 3 === 0 ? `Routine call ${n}` : `A routine visit, nothing new ${n}`),
  );
  const rare = [
    record(900_001, 'Lesson: the Harpsichord was tuned'),
    record(900_002, 'Brought a harpsichord stool', 'Call'),
    record(900_003, 'Talked about harps and chords'), // all trigrams of neither word in order
    record(900_004, 'Visited "the café"; sent the harpsichord tuner'),
  ];

  const ids = (items: Interaction[]) => items.map((item) => item.id);
  const expected = (text: string, filter: (r: Interaction) => boolean = () => true) =>
    [...common, ...rare]
      .filter((r) => r.description.toLowerCase().includes(text) && filter(r))
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1));
  const page = (filter: InteractionFilter, limit = 20) =>
    repo.page(WS, { filter, sort: 'date', direction: 'older', limit }, T0);

  it('finds a rare text anywhere in a word, and a common one, with the same rows and counts as a substring test', async () => {
    for (let start = 0; start < common.length; start += 2_000) {
      await repo.insertMany(common.slice(start, start + 2_000));
    }
    await repo.insertMany(rare);

    const harpsichord = expected('harpsichord');
    expect(harpsichord).toHaveLength(3);
    expect(ids((await page({ text: 'HARPSICHORD' })).items)).toEqual(ids(harpsichord));
    expect(await repo.count(WS, { text: 'harpsichord' }, T0)).toBe(3);
    expect(ids((await page({ text: 'sichor' })).items)).toEqual(ids(harpsichord));
    const visits = expected('harpsichord', (r) => r.type === 'Visit');
    expect(ids((await page({ text: 'harpsichord', types: ['Visit'] })).items)).toEqual(ids(visits));
    expect(await repo.count(WS, { text: 'harpsichord', types: ['Visit'] }, T0)).toBe(visits.length);
    // Quotes and accents are text, not query syntax.
    expect(ids((await page({ text: '"the cafe"' })).items)).toEqual(['i-900004']);

    // On two thirds of the records: between the two limits, the walk tests membership.
    const nothingNew = expected('nothing new');
    expect(nothingNew.length).toBeGreaterThan(WORDS_INDEX_DRIVES_ROWS);
    expect(ids((await page({ text: 'nothing new', types: ['Call'] })).items)).toEqual(
      ids(nothingNew.filter((r) => r.type === 'Call').slice(0, 20)),
    );
    expect(await repo.count(WS, { text: 'nothing new', types: ['Call'] }, T0)).toBe(
      nothingNew.filter((r) => r.type === 'Call').length,
    );
    const routine = expected('routine call');
    expect(await repo.count(WS, { text: 'Routine call' }, T0)).toBe(routine.length);
    const first = await page({ text: 'routine call' });
    expect(ids(first.items)).toEqual(ids(routine.slice(0, 20)));
    expect(first.hasMore).toBe(true);
    expect(await repo.count(WS, { text: 'routine' }, T0)).toBe(common.length);
    // Shorter than a trigram: the walk alone.
    expect(await repo.count(WS, { text: 'ps' }, T0)).toBe(expected('ps').length);
  });

  it('follows edits and deletions of a description', async () => {
    await repo.update(WS, 'i-900001', { description: 'Lesson: the piano was tuned', updatedAt: T0 });
    expect(await repo.count(WS, { text: 'harpsichord' }, T0)).toBe(2);
    expect(ids((await page({ text: 'piano' })).items)).toEqual(['i-900001']);
    await repo.deleteById(WS, 'i-900002');
    await repo.deleteByIds(WS, ['i-900004']);
    expect(await repo.count(WS, { text: 'harpsichord' }, T0)).toBe(0);
    expect((await page({ text: 'harpsichord' })).items).toEqual([]);
  });

  it('pages a rare text with a cursor, read from the words index', async () => {
    const many = Array.from({ length: 30 }, (_, n) => record(800_000 + n, `zeppelin number ${n}`));
    await repo.insertMany(many);
    const first = await page({ text: 'zeppelin' }, 12);
    const last = first.items.at(-1) as Interaction;
    const next = await repo.page(
      WS,
      {
        filter: { text: 'zeppelin' },
        sort: 'date',
        direction: 'older',
        limit: 12,
        cursor: { at: last.occurredAt.toISOString(), id: last.id },
      },
      T0,
    );
    const newestFirst = [...many].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
    expect([...ids(first.items), ...ids(next.items)]).toEqual(ids(newestFirst).slice(0, 24));
  });

  it('serves every statement it ran from an index', () => {
    const words = [...statements].filter((sql) => sql.includes('IN (SELECT rowid FROM interactions_text'));
    expect(words.some((sql) => sql.includes(' seq IN'))).toBe(true); // a rare text drives
    expect(words.some((sql) => sql.includes('+seq IN'))).toBe(true); // a less rare one filters
    expect(unservedStatements(store.database.db, statements)).toEqual([]);
  });

  it('decides the band of a text once a minute, then again with what the index holds', async () => {
    let clock = 0;
    const planner = new WordsSearchPlanner(store.database, () => clock);
    expect(planner.plan({ text: 'quinoa' })).toEqual({ query: '"qui" AND "noa"', drives: true });
    const more = Array.from({ length: WORDS_INDEX_DRIVES_ROWS + 1 }, (_, n) =>
      record(700_000 + n, `quinoa ${n}`),
    );
    await repo.insertMany(more);
    clock += 59_000;
    expect(planner.plan({ text: 'quinoa' })?.drives).toBe(true);
    clock += 2_000;
    expect(planner.plan({ text: 'quinoa' })?.drives).toBe(false);
    expect(planner.plan({ text: 'qu' })).toBeUndefined();
  });

  it('asks the index only for the rarest trigrams of a text, and still finds exactly its rows', async () => {
    const echoes = Array.from({ length: 50 }, (_, n) => record(600_000 + n, `An echo on the line ${n}`));
    const recitals = [record(610_001, 'A harpsichord recital'), record(610_002, 'Harpsichords, two of them')];
    await repo.insertMany([...echoes, ...recitals]);
    const planner = new WordsSearchPlanner(store.database, () => 0);
    const query = planner.plan({ text: 'Harpsichord' })?.query ?? '';
    expect(query).toContain('"psi"');
    expect(query).not.toContain('"cho"'); // in every echo: 50 more rows to read for nothing
    expect(await repo.count(WS, { text: 'harpsichord' }, T0)).toBe(2);
    expect(ids((await page({ text: 'harpsichord' })).items).sort()).toEqual(ids(recitals));
    await repo.deleteByIds(WS, ids([...echoes, ...recitals]));
  });

  it('asks the index for the text side by side, quoted', () => {
    expect(trigramQuery('ab')).toBeUndefined();
    expect(trigramQuery('abc')).toBe('"abc"');
    expect(trigramQuery('harpsichord')).toBe('"har" AND "psi" AND "cho" AND "ord"');
    expect(trigramQuery('a"bc')).toBe('"a""b" AND """bc"');
  });
});
