import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import express from 'express';
import { afterAll, beforeAll } from 'vitest';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { healthHandler } from '../../../src/http/health.js';
import { connect } from '../../../src/infra/mongo/database.js';
import {
  type EmbeddedServer,
  ensureFerretdbBinary,
  startFerretdb,
} from '../../../src/infra/mongo/embedded-ferretdb.js';
import { COLLECTIONS } from '../../../src/infra/mongo/indexes.js';
import { type MongoStorage, mongoStore } from '../../../src/infra/mongo/open-mongo-store.js';
import type { Storage } from '../../../src/infra/storage.js';
import type { EngineHandle } from '../../support/engines.js';

/** Slack's window is 3 s; the app aims to answer by ~2 s. A request not answered by then fails the test. */
export const ACK_WINDOW_MS = 3_000;
/** What a load balancer gives /healthz. */
export const HEALTH_PROBE_MS = 1_000;

export const NOTHING_SAVED =
  'The database is unreachable right now — nothing was saved. Please try again in a minute.';
export const UNREACHABLE = 'The database is unreachable right now';

/**
 * A FerretDB of this test file's own (the run's shared one must keep serving other files), so
 * the test can stop, kill, freeze and start it again on the same port and files.
 */
export interface OwnFerretdb extends EngineHandle {
  freeze(): void;
  thaw(): void;
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again on the same port and files: the app's connection must come back by itself. */
  start(): Promise<void>;
  /** Interactions stored, read on a connection of the test's own. */
  interactionCount(): Promise<number>;
}

export function useOwnFerretdb(): OwnFerretdb {
  let dataDir = '';
  let binary = '';
  let server: EmbeddedServer | undefined;
  let address = '';
  let storage: MongoStorage | undefined;
  let frozenPid: number | undefined;
  const pid = () => {
    const running = server?.pid?.();
    if (!running) throw new Error('FerretDB is not running');
    return running;
  };
  const handle: OwnFerretdb = {
    get storage(): Storage {
      if (!storage) throw new Error('The store opens in beforeAll');
      return storage;
    },
    async holdings() {
      throw new Error('Count through interactionCount once the server answers');
    },
    async second() {
      throw new Error('Not used by outage tests');
    },
    freeze() {
      frozenPid = pid();
      process.kill(frozenPid, 'SIGSTOP');
    },
    thaw() {
      if (frozenPid) process.kill(frozenPid, 'SIGCONT');
      frozenPid = undefined;
    },
    async kill() {
      const exited = server?.exited?.();
      process.kill(pid(), 'SIGKILL');
      await exited;
    },
    async stop() {
      await server?.stop();
    },
    async start() {
      server = await startFerretdb(binary, dataDir, silentLogger, { listen: address });
    },
    async interactionCount() {
      const { connection } = (storage as MongoStorage).database;
      return connection
        .getClient()
        .db(connection.name)
        .collection(COLLECTIONS.interactions)
        .countDocuments({});
    },
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'il-outage-'));
    binary = await ensureFerretdbBinary(silentLogger);
    server = await startFerretdb(binary, dataDir, silentLogger);
    address = new URL(server.uri).host;
    storage = mongoStore(await connect(`${server.uri.replace(/\/$/, '')}/outage`, { logger: silentLogger }));
  });
  afterAll(async () => {
    handle.thaw();
    await storage?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return handle;
}

/** A writer in another connection that took the write lock and froze holding it. */
export function frozenWriter(path: string): { release(): void } {
  const other = new DatabaseSync(path);
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      if (other.isTransaction) other.exec('ROLLBACK');
      other.close();
    },
  };
}

/** /healthz as main.ts mounts it, on a port of its own. */
export function useHealthEndpoint(store: EngineHandle): { status(): Promise<number> } {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    const app = express();
    // A fresh answer on every probe: the test changes the store between two of them.
    app.get(
      '/healthz',
      healthHandler(() => store.storage.ping(), { freshForMs: 0 }),
    );
    server = createServer(app);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return {
    /** The status, or a failed test when no answer came within the probe's 1 s. */
    async status() {
      const response = await fetch(url, { signal: AbortSignal.timeout(HEALTH_PROBE_MS) });
      await response.text();
      return response.status;
    },
  };
}

/** Tries `attempt` until it returns true, at most `times` times, each one a full request. */
export async function eventually(attempt: () => Promise<boolean>, times = 20): Promise<boolean> {
  for (let tried = 0; tried < times; tried++) {
    if (await attempt()) return true;
  }
  return false;
}
