import { Worker } from 'node:worker_threads';
import type { Storage } from '../../src/infra/storage.js';
import { sqliteOf } from './store-rows.js';

/**
 * Another process holding the SQLite write lock: a worker thread with its own connection runs
 * BEGIN IMMEDIATE and keeps the transaction open until thawed, so every write of the app waits
 * for its busy timeout and then fails, as with a stuck second process on the same file.
 */
const HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
const flags = new Int32Array(workerData.flags);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('holding');
Atomics.wait(flags, 0, 0);
db.exec('ROLLBACK');
db.close();
parentPort.postMessage('released');
`;

export interface FrozenStore {
  thaw(): Promise<void>;
}

export async function freezeStore(storage: Storage): Promise<FrozenStore> {
  const path = sqliteOf(storage).database.db.location();
  if (!path) throw new Error('An in-memory store cannot be frozen by another connection.');
  const flags = new Int32Array(new SharedArrayBuffer(4));
  const holder = new Worker(HOLDER, { eval: true, workerData: { path, flags: flags.buffer } });
  const messages: string[] = [];
  const waiters: (() => void)[] = [];
  holder.on('message', (message: string) => {
    messages.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (message: string) => {
    while (!messages.includes(message)) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  await until('holding');
  return {
    async thaw() {
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      await until('released');
      await holder.terminate();
    },
  };
}
