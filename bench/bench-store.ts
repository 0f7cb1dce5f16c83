import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createContainer, storageOf } from '../src/app/container.js';
import { SeedGenerator } from '../src/cli/seed-data.js';
import { seedWorkspace } from '../src/cli/seed-workspace.js';
import { silentLogger } from '../src/core/shared/ports.js';
import type { Workspace } from '../src/core/workspaces/workspace.js';
import { openSqliteStore } from '../src/infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../src/infra/storage.js';
import { openBenchDatabase } from './bench-database.js';
import { progress, round } from './support.js';

const intFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};

/** The year of data the chat benches run on (the storage bench's shape, smaller by default). */
export const CHAT_BENCH_SIZES = {
  interactions: intFromEnv('BENCH_INTERACTIONS', 100_000),
  contacts: intFromEnv('BENCH_CONTACTS', 20_000),
};

/** Interactions per timeline contact the benches add: the seeded year's average (1,000,000 / 20,000). */
export const TIMELINE_DEPTH = 50;

export interface BenchStore {
  storage: Storage;
  /** What the JSON reports the run was on. */
  dataset: {
    store: string;
    interactions: number;
    contacts: number;
    /** null when the seeded file was copied from BENCH_SEED_CACHE. */
    seedSeconds: number | null;
  };
  close(): Promise<void>;
}

/** The workspace a chat platform's commands land in (resolved the way the adapter resolves it). */
export interface BenchWorkspaceKey {
  platform: 'slack' | 'teams';
  externalId: string;
}

const tmpRoot = () => (process.platform === 'linux' ? '/dev/shm' : '/tmp');

/**
 * The store a chat bench runs on: by default the app's default store, a SQLite file in a temp
 * dir, its platform workspace filled with BENCH_INTERACTIONS interactions through the seed
 * command's batch path (so the commands read a workspace of realistic size). BENCH_SEED_CACHE
 * names a folder where the seeded file is kept and copied from on the next run of the same
 * size, so a million is seeded once. BENCH_STORE=ferretdb runs on an embedded FerretDB instead,
 * unseeded, as the benches used to.
 */
export async function openBenchStore(name: string, key: BenchWorkspaceKey): Promise<BenchStore> {
  if (process.env.BENCH_STORE === 'ferretdb') {
    const bench = await openBenchDatabase(name);
    const storage = storageOf(createContainer(bench.database, { logger: silentLogger }));
    return {
      storage,
      dataset: { store: 'ferretdb', interactions: 0, contacts: 0, seedSeconds: null },
      close: () => bench.close(),
    };
  }
  const dir = mkdtempSync(join(tmpRoot(), `il-bench-${name}-`));
  const path = join(dir, 'bench.sqlite');
  const sizes = CHAT_BENCH_SIZES;
  const cacheDir = process.env.BENCH_SEED_CACHE;
  const cached = cacheDir
    ? join(cacheDir, `${key.platform}-${sizes.interactions}-${sizes.contacts}.sqlite`)
    : undefined;
  let seedSeconds: number | null = null;
  if (cached && existsSync(cached)) {
    progress(`${name}: copying the seeded file ${cached}`);
    copyFileSync(cached, path);
  }
  const storage = openSqliteStore({ path, logger: silentLogger });
  if (!(cached && existsSync(cached)) && sizes.interactions > 0) {
    const started = Date.now();
    await seed(storage, key, sizes, name);
    seedSeconds = round((Date.now() - started) / 1000, 1);
    if (cached && cacheDir) {
      // A checkpointed copy, written aside and renamed, so a half-written file is never reused.
      storage.database.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      mkdirSync(cacheDir, { recursive: true });
      copyFileSync(path, `${cached}.partial`);
      renameSync(`${cached}.partial`, cached);
    }
  }
  return {
    storage,
    dataset: { store: 'sqlite', ...sizes, seedSeconds },
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seed(
  storage: Storage,
  key: BenchWorkspaceKey,
  sizes: { interactions: number; contacts: number },
  name: string,
): Promise<Workspace> {
  const container = createContainer(storage, { logger: silentLogger });
  const workspace = await container.workspaces.resolveWorkspace({ ...key, name: 'bench' });
  const generator = new SeedGenerator(workspace.id, container.ids, container.clock.now(), 7, `bench-${name}`);
  progress(`${name}: seeding ${sizes.interactions} interactions, ${sizes.contacts} contacts`);
  await seedWorkspace(storage.repositories, generator, sizes, (what, done, total) => {
    if (done % 100_000 === 0 || done === total) progress(`${name} seed: ${done} / ${total} ${what}`);
  });
  return workspace;
}
