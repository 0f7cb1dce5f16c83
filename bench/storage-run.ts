import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createContainer } from '../src/app/container.js';
import { SeedGenerator } from '../src/cli/seed-data.js';
import { seedWorkspace } from '../src/cli/seed-workspace.js';
import { countLimitFor } from '../src/core/interactions/count-limit.js';
import type { InteractionFilter } from '../src/core/interactions/interaction-filter.js';
import type { Actor } from '../src/core/shared/actor.js';
import { silentLogger } from '../src/core/shared/ports.js';
import { projectRoot } from '../src/infra/mongo/project-root.js';
import type { SqliteDatabase } from '../src/infra/sqlite/database.js';
import { openSqliteStore } from '../src/infra/sqlite/open-sqlite-store.js';
import { SELECT_INTERACTION } from '../src/infra/sqlite/repositories/interaction-entity.js';
import { exportPair, type Paired, pair } from './storage-measure.js';
import { progress, round } from './support.js';

/**
 * `npm run bench:storage`: one workspace of BENCH_INTERACTIONS interactions (default 1,000,000;
 * 20,000 contacts in 500 organisations) seeded into a fresh SQLite file in /dev/shm through the
 * seed command's batch path; then each first page and count through the repository (the port
 * the core's use cases call) next to the same SQL, captured from the repository and prepared
 * directly on node:sqlite with no mapping; then the export use case next to a bare cursor
 * through csv-stringify. Writes bench/results/storage.json. BENCH_SEED_CACHE names a folder
 * where the seeded file is kept and copied from on the next run of the same size (seeding a
 * million takes minutes; measuring it again should not).
 */
const intFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const SIZES = {
  interactions: intFromEnv('BENCH_INTERACTIONS', 1_000_000),
  contacts: intFromEnv('BENCH_CONTACTS', 20_000),
  organisations: 500,
};
const EXPORT_RUNS = intFromEnv('BENCH_EXPORT_RUNS', 2);
const PAGE = 20;
const DAY = 86_400_000;
const TARGETS = {
  p50MsMax: 10,
  ratioP50Max: 1.5,
  exportRowsPerSecondRatioMin: 0.75,
  exportRssGrowthMbMax: 150,
};

interface Ran {
  sql: string;
  params: SQLInputValue[];
  /** The repository read the rows as arrays (`rows`): the bare statement returns them so too. */
  arrays: boolean;
}

/** The last statement the repository ran (all/get/rows), so the bare side runs exactly that. */
function recordStatements(database: SqliteDatabase) {
  const seen: { last?: Ran } = {};
  const all = database.all.bind(database);
  const get = database.get.bind(database);
  const rows = database.rows.bind(database);
  database.all = (sql, ...params) => {
    seen.last = { sql, params, arrays: false };
    return all(sql, ...params);
  };
  database.get = (sql, ...params) => {
    seen.last = { sql, params, arrays: false };
    return get(sql, ...params);
  };
  database.rows = (sql, ...params) => {
    seen.last = { sql, params, arrays: true };
    return rows(sql, ...params);
  };
  return async (call: () => Promise<unknown>) => {
    seen.last = undefined;
    await call();
    const ran = seen.last as Ran | undefined;
    if (!ran) throw new Error('the repository ran no statement');
    return ran;
  };
}

/** The repository's statement prepared directly on node:sqlite, rows in the same shape. */
function bareStatement(db: DatabaseSync, ran: Ran): StatementSync {
  const statement = db.prepare(ran.sql);
  if (ran.arrays) statement.setReturnArrays(true);
  return statement;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const dir = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : '/tmp', 'il-bench-storage-'));
  const path = join(dir, 'bench.sqlite');
  const cacheDir = process.env.BENCH_SEED_CACHE;
  const cached = cacheDir
    ? join(cacheDir, `storage-${SIZES.interactions}-${SIZES.contacts}.sqlite`)
    : undefined;
  const fromCache = cached !== undefined && existsSync(cached);
  if (fromCache) {
    progress(`copying the seeded file ${cached}`);
    copyFileSync(cached, path);
  }
  const storage = openSqliteStore({ path, logger: silentLogger });
  try {
    const container = createContainer(storage, { logger: silentLogger });
    const now = container.clock.now();
    const workspace = await container.workspaces.resolveWorkspace({
      platform: 'cli',
      externalId: 'bench-storage',
      name: 'Bench storage',
    });
    const generator = new SeedGenerator(workspace.id, container.ids, now, 7, 'bench');
    const seedStart = Date.now();
    if (!fromCache) {
      progress(`seeding ${SIZES.interactions} interactions, ${SIZES.contacts} contacts`);
      await seedWorkspace(storage.repositories, generator, SIZES, (what, done, total) => {
        if (done % 100_000 === 0 || done === total) progress(`seed: ${done} / ${total} ${what}`);
      });
    }
    const seedSeconds = fromCache ? null : round((Date.now() - seedStart) / 1000, 1);
    const db = storage.database.db;
    if (cached && cacheDir && !fromCache) {
      // A checkpointed copy, written aside and renamed, so a half-written file is never reused.
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      mkdirSync(cacheDir, { recursive: true });
      copyFileSync(path, `${cached}.partial`);
      renameSync(`${cached}.partial`, cached);
    }
    const one = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).get(...params) ?? {};
    const ws = workspace.id;
    const contactId = String(
      one(
        `SELECT contact_id AS id FROM interactions WHERE workspace_id = ? GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1 OFFSET 100`,
        ws,
      ).id,
    );
    const organisationId = String(
      one(
        'SELECT organisation_id AS id FROM interactions WHERE workspace_id = ? AND organisation_id IS NOT NULL GROUP BY organisation_id ORDER BY count(*) DESC LIMIT 1 OFFSET 250',
        ws,
      ).id,
    );
    const fileNumber = /File (\d{5})/.exec(
      String(one("SELECT description AS d FROM interactions WHERE description LIKE '%File 0%' LIMIT 1").d),
    )?.[1];
    const author = generator.members()[0]!;
    const actor: Actor = {
      workspaceId: ws,
      userId: author.userId,
      role: 'owner',
      displayName: author.displayName,
    };
    const repo = storage.repositories.interactions;
    const lastStatement = recordStatements(storage.database);

    const filtered = (text: string): InteractionFilter => ({
      types: ['Visit'],
      from: new Date(now.getTime() - 90 * DAY),
      to: now,
      text,
    });
    const lists: Record<string, InteractionFilter> = {
      contactTimeline: { contactIds: [contactId] },
      organisationTimeline: { organisationId },
      workspaceNewestFirst: {},
      typeDateRangeCommonWord: filtered('family'),
      typeDateRangeRareWord: filtered('harpsichord'),
      typeDateRangeRarestWord: filtered(fileNumber ?? '00000'),
      workspaceRarestWord: { text: fileNumber ?? '00000' },
      openFollowUps: { followUp: 'open' },
    };
    const firstPages: Record<string, Paired> = {};
    const counts: Record<string, Paired> = {};
    for (const [name, filter] of Object.entries(lists)) {
      const page = () => repo.page(ws, { filter, sort: 'date', direction: 'older', limit: PAGE }, now);
      const pageSql = await lastStatement(page);
      const pageStatement = bareStatement(db, pageSql);
      firstPages[name] = await pair(
        `first page: ${name}`,
        async () => {
          const { items, hasMore } = await page();
          return items.length + (hasMore ? 1 : 0);
        },
        () => pageStatement.all(...pageSql.params).length,
      );
      // The product's call: a list with text counts up to its limit (countLimitFor).
      const count = () => repo.count(ws, filter, now, countLimitFor(filter));
      const countSql = await lastStatement(count);
      const countStatement = bareStatement(db, countSql);
      counts[name] = await pair(`count: ${name}`, count, () =>
        Number(countStatement.get(...countSql.params)?.n ?? 0),
      );
    }
    const mine = () => repo.listFollowUps(ws, author.userId, 'open', PAGE);
    const mineSql = await lastStatement(mine);
    const mineStatement = bareStatement(db, mineSql);
    firstPages.myOpenFollowUps = await pair(
      'first page: my open follow-ups',
      async () => (await mine()).length,
      () => mineStatement.all(...mineSql.params).length,
    );

    const exportResult = await exportPair(
      async () => {
        const result = await container.exports.exportInteractions(actor, {});
        await pipeline(Readable.from(result.stream), createWriteStream('/dev/null'));
        return result.done;
      },
      // A bare cursor over the same columns in the same shape as the repository reads them
      // (arrays), each row's first eleven values made text for csv-stringify.
      function* bareRows() {
        const statement = db.prepare(
          `${SELECT_INTERACTION} WHERE workspace_id = ? ORDER BY occurred_at ASC, id ASC`,
        );
        statement.setReturnArrays(true);
        const rows = statement.iterate(ws) as unknown as Iterable<unknown[]>;
        for (const row of rows) {
          yield [
            String(row[9]),
            String(row[4]),
            String(row[5]),
            String(row[6]),
            String(row[7]),
            String(row[8]),
            String(row[12]),
            String(row[13]),
            String(row[23] ?? ''),
            String(row[22] ?? ''),
            String(row[17] ?? ''),
          ];
        }
      },
      EXPORT_RUNS,
    );

    const measured = [...Object.values(firstPages), ...Object.values(counts)];
    const over = Object.entries({ ...prefixed('firstPage', firstPages), ...prefixed('count', counts) })
      .filter(([, m]) => m.repository.p50Ms > TARGETS.p50MsMax || m.ratioP50 > TARGETS.ratioP50Max)
      .map(([name]) => name);
    const pass = {
      pagesAndCounts: over.length === 0,
      exportThroughput: exportResult.rowsPerSecondRatio >= TARGETS.exportRowsPerSecondRatioMin,
      exportMemory: exportResult.useCase.peakRssGrowthMbMax <= TARGETS.exportRssGrowthMbMax,
    };
    const result = {
      startedAt: startedAt.toISOString(),
      durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
      environment: {
        node: process.version,
        sqlite: String(one('SELECT sqlite_version() AS v').v),
        cpus: cpus().length,
        memoryGb: round(totalmem() / 1024 ** 3, 1),
        file: `${dirname(join(dir, 'x'))} (tmpfs)`,
      },
      dataset: {
        ...SIZES,
        events: Number(
          one('SELECT count(DISTINCT event_id) AS n FROM interactions WHERE workspace_id = ?', ws).n,
        ),
        withFollowUp: Number(
          one(
            'SELECT count(*) AS n FROM interactions WHERE workspace_id = ? AND follow_up_status IS NOT NULL',
            ws,
          ).n,
        ),
        seedSeconds,
        seedRowsPerSecond: seedSeconds === null ? null : Math.round(SIZES.interactions / seedSeconds),
        fileMb: round(
          Number(one('SELECT page_count * page_size AS b FROM pragma_page_count, pragma_page_size').b) /
            1024 ** 2,
          0,
        ),
        words: { common: 'family', rare: 'harpsichord', rarest: fileNumber },
      },
      firstPages,
      counts,
      export: exportResult,
      targets: TARGETS,
      overTarget: over,
      pass: { ...pass, all: Object.values(pass).every(Boolean) && measured.length > 0 },
    };
    const json = JSON.stringify(result, null, 2);
    const out = join(projectRoot(), 'bench', 'results', 'storage.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    progress(`done in ${result.durationSeconds} s; written to ${out}`);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function prefixed<T>(prefix: string, record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [`${prefix}.${name}`, value]));
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
