import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { openSqliteStore } from '../../../src/infra/sqlite/open-sqlite-store.js';

/**
 * Another process holding the write lock, played by a worker thread with its own connection
 * (DatabaseSync blocks its thread, so the holder cannot live on this one). It claims a key
 * inside a transaction, says so, and commits a moment after we start our own claim.
 */
const HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
const flags = new Int32Array(workerData.flags);
db.exec('BEGIN IMMEDIATE');
db.prepare('INSERT INTO claims (scope, workspace_id, key, claimed_at) VALUES (?, ?, ?, ?)').run('submit', 'ws', 'k', 1);
Atomics.store(flags, 0, 1);
Atomics.notify(flags, 0);
Atomics.wait(flags, 1, 0);          // until the main thread is about to claim
Atomics.wait(flags, 2, 0, 300);     // keep the lock while its claim starts
db.exec('COMMIT');
db.close();
parentPort.postMessage('committed');
`;

describe('a second process on the same SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-sqlite-proc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for the other writer instead of failing, then sees its claim', async () => {
    const path = join(dir, 'store.sqlite');
    const store = openSqliteStore({ path, logger: silentLogger });
    const flags = new Int32Array(new SharedArrayBuffer(12));
    const holder = new Worker(HOLDER, { eval: true, workerData: { path, flags: flags.buffer } });
    const committed = new Promise((resolve) => holder.once('message', resolve));
    await new Promise<void>((resolve) => {
      const poll = () => (Atomics.load(flags, 0) === 1 ? resolve() : setImmediate(poll));
      poll();
    });
    Atomics.store(flags, 1, 1);
    Atomics.notify(flags, 1);
    // Blocks on the write lock (busy_timeout), then meets the holder's committed claim.
    expect(await store.repositories.claims.claim('submit', 'k', 'ws', new Date())).toBe(false);
    expect(await committed).toBe('committed');
    expect(await store.repositories.claims.claim('submit', 'other', 'ws', new Date())).toBe(true);
    await holder.terminate();
    await store.close();
  });
});
