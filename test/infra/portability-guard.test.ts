import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/infra/mongo/guard/portability-rules.js';
import { servingIndex, shapeOf } from '../../src/infra/mongo/guard/query-shapes.js';
import { INDEXES } from '../../src/infra/mongo/indexes.js';
import { useTestDatabase } from '../support/test-database.js';

describe('portability rules', () => {
  it('rejects a findAndModify projection', () => {
    expect(
      checkCommand('findAndModify', { findAndModify: 'x', query: {}, fields: { secret: 0 } }),
    ).toHaveLength(1);
  });

  it('rejects $push modifiers and conditional $pull', () => {
    const problems = checkCommand('update', {
      update: 'x',
      updates: [
        {
          q: {},
          u: { $push: { tags: { $each: ['a'], $slice: -3 } }, $pull: { items: { _id: { $in: [1] } } } },
        },
      ],
    });
    expect(problems).toHaveLength(2);
  });

  it('rejects banned stages, accumulators, TTL indexes, collation and dotted keys', () => {
    expect(checkCommand('aggregate', { aggregate: 'x', pipeline: [{ $lookup: {} }] })).toHaveLength(1);
    expect(
      checkCommand('aggregate', {
        aggregate: 'x',
        pipeline: [{ $group: { _id: '$a', v: { $push: '$b' } } }],
      }),
    ).toHaveLength(1);
    expect(
      checkCommand('createIndexes', {
        createIndexes: 'x',
        indexes: [{ key: { a: 1 }, expireAfterSeconds: 5 }],
      }),
    ).toHaveLength(1);
    expect(checkCommand('find', { find: 'x', filter: {}, collation: { locale: 'fr' } })).toHaveLength(1);
    expect(checkCommand('insert', { insert: 'x', documents: [{ 'a.b': 1 }] })).toHaveLength(1);
    expect(
      checkCommand('find', { find: 'x', filter: { items: { $elemMatch: { name: 'a' } } } }),
    ).toHaveLength(1);
  });

  it('accepts the portable shapes the app uses', () => {
    expect(
      checkCommand('update', {
        update: 'x',
        updates: [{ q: { _id: 1 }, u: { $set: { a: 1 }, $addToSet: { t: { $each: ['x'] } } } }],
      }),
    ).toEqual([]);
    expect(
      checkCommand('aggregate', {
        aggregate: 'x',
        pipeline: [{ $match: { a: 1 } }, { $unwind: '$t' }, { $group: { _id: '$t', n: { $sum: 1 } } }],
      }),
    ).toEqual([]);
  });
});

describe('index coverage', () => {
  it('serves a timeline page from the timeline index, in either direction', () => {
    const shape = shapeOf('find', {
      find: 'interactions',
      filter: { workspaceId: 'w', contactId: 'c', $or: [{ occurredAt: { $lt: 1 } }] },
      sort: { occurredAt: 1, _id: 1 },
    });
    expect(servingIndex(shape!, INDEXES)).not.toBeNull();
  });

  it('does not serve a tenant collection query that lacks the workspace', () => {
    const shape = shapeOf('find', {
      find: 'interactions',
      filter: { contactId: 'c' },
      sort: { occurredAt: -1 },
    });
    expect(servingIndex(shape!, INDEXES)).toBeNull();
  });

  it('does not serve a sort the index cannot give', () => {
    const shape = shapeOf('find', {
      find: 'interactions',
      filter: { workspaceId: 'w' },
      sort: { description: 1 },
    });
    expect(servingIndex(shape!, INDEXES)).toBeNull();
  });
});

describe('the test database', () => {
  const handle = useTestDatabase();

  it('is a real server that enforces unique indexes with error 11000', async () => {
    const claims = handle.db.connection.getClient().db(handle.db.connection.name).collection('claims');
    await claims.insertOne({ scope: 's', workspaceId: 'w', key: 'k' });
    await expect(claims.insertOne({ scope: 's', workspaceId: 'w', key: 'k' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await handle.db.ping()).toBe(true);
  });

  it('records every command it sees for the guard', async () => {
    const claims = handle.db.connection.getClient().db(handle.db.connection.name).collection('claims');
    await claims.find({ scope: 's', workspaceId: 'w', key: 'k' }).toArray();
    expect([...handle.monitor.shapes.values()].some((shape) => shape.collection === 'claims')).toBe(true);
  });
});

describe('whole-collection walks (db copy)', () => {
  it('serves a batch of a walk in _id order from the _id index', () => {
    const shape = shapeOf('find', { find: 'interactions', filter: { _id: { $gt: 'x' } }, sort: { _id: 1 } });
    expect(servingIndex(shape!, INDEXES)).toBe('_id');
  });

  it('does not serve an unfiltered find with no order, nor a walk sorted on another field', () => {
    const plain = shapeOf('find', { find: 'interactions', filter: {} });
    const sorted = shapeOf('find', {
      find: 'interactions',
      filter: { _id: { $gt: 'x' } },
      sort: { occurredAt: 1 },
    });
    expect(servingIndex(plain!, INDEXES)).toBeNull();
    expect(servingIndex(sorted!, INDEXES)).toBeNull();
  });
});

describe('sorts as the driver sends them', () => {
  it('reads a find sort sent as a Map, so a sort no index gives is caught', () => {
    const shape = shapeOf('find', {
      find: 'interactions',
      filter: { workspaceId: 'w' },
      sort: new Map([['description', 1]]),
    });
    expect(shape?.sort).toEqual([['description', 1]]);
    expect(servingIndex(shape!, INDEXES)).toBeNull();
  });
});
