import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/shared/ports.js';
import { connect, type Database } from '../../src/infra/mongo/database.js';
import {
  type EmbeddedServer,
  ensureFerretdbBinary,
  startFerretdb,
} from '../../src/infra/mongo/embedded-ferretdb.js';
import { eventually } from './support/outage-stores.js';

/**
 * The embedded FerretDB (STORE=ferretdb) is a child of the app: when it dies it is started
 * again on the same port and files, and the app's connection comes back by itself; when it
 * keeps dying, the supervisor hook says so (main.ts exits non-zero for a supervisor).
 */
describe('the embedded FerretDB dying under the app', () => {
  const gaveUp: string[] = [];
  let dataDir = '';
  let server: EmbeddedServer;
  let database: Database;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'il-embedded-'));
    const binary = await ensureFerretdbBinary(silentLogger);
    server = await startFerretdb(binary, dataDir, silentLogger, {
      supervise: { onGiveUp: (reason) => gaveUp.push(reason) },
    });
    database = await connect(`${server.uri.replace(/\/$/, '')}/embedded`, { logger: silentLogger });
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const raw = () => database.connection.getClient().db(database.connection.name).collection('notes');

  /** Kills the running child and waits until a new one answers on the same connection. */
  async function killAndAwaitRestart(): Promise<number | undefined> {
    const killed = server.pid?.();
    const exited = server.exited?.();
    process.kill(killed ?? 0, 'SIGKILL');
    await exited;
    await eventually(async () => (await database.ping()) && server.pid?.() !== undefined);
    return killed;
  }

  it('starts it again on the same port, with the data, and the same connection serves again', async () => {
    await raw().insertOne({ _id: 'before' as never, text: 'written before the death' });
    const killed = await killAndAwaitRestart();
    expect(server.pid?.()).toBeDefined();
    expect(server.pid?.()).not.toBe(killed);
    expect(await raw().findOne({ _id: 'before' as never })).toMatchObject({
      text: 'written before the death',
    });
    await raw().insertOne({ _id: 'after' as never, text: 'written after the restart' });
    expect(gaveUp).toEqual([]);
  });

  it('gives up, saying why, when it dies more than three times within a minute', async () => {
    // One death already happened in the test above.
    await killAndAwaitRestart();
    await killAndAwaitRestart();
    expect(gaveUp).toEqual([]);
    const exited = server.exited?.();
    process.kill(server.pid?.() ?? 0, 'SIGKILL');
    await exited;
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).toContain('died 4 times within a minute');
  });
});
