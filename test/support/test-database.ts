import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { silentLogger } from '../../src/core/shared/ports.js';
import { connect, type Database } from '../../src/infra/mongo/database.js';
import { CommandMonitor } from '../../src/infra/mongo/guard/command-monitor.js';
import { describeShape, servingIndex } from '../../src/infra/mongo/guard/query-shapes.js';
import { INDEXES } from '../../src/infra/mongo/indexes.js';

export interface TestDatabase {
  db: Database;
  monitor: CommandMonitor;
}

/**
 * A fresh database for this test file on the run's real server, with the portability guard
 * attached. After the file: no command may break the portable subset, and every query shape
 * it sent must be served by a declared index (docs/mongodb-subset.md, "Guard").
 */
export function useTestDatabase(options: { allowUnindexed?: (shape: string) => boolean } = {}): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    const name = `t_${randomBytes(6).toString('hex')}`;
    handle.monitor = new CommandMonitor();
    handle.db = await connect(`${inject('mongoBaseUri')}${name}`, {
      logger: silentLogger,
      monitorCommands: true,
    });
    handle.monitor.attach(handle.db.connection.getClient());
  });
  afterAll(async () => {
    if (!handle.db) return;
    const unserved = [...handle.monitor.shapes.values()]
      .filter((shape) => servingIndex(shape, INDEXES) === null)
      .map(describeShape)
      .filter((shape) => !options.allowUnindexed?.(shape));
    await handle.db.connection.dropDatabase();
    await handle.db.close();
    expect(handle.monitor.violations, 'commands outside the portable MongoDB subset').toEqual([]);
    expect(unserved, 'query shapes not served by a declared index').toEqual([]);
  });
  return handle;
}
