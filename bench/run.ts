import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { createContainer } from '../src/app/container.js';
import { silentLogger } from '../src/core/shared/ports.js';
import { FERRETDB_VERSION } from '../src/infra/mongo/embedded-ferretdb.js';
import { projectRoot } from '../src/infra/mongo/project-root.js';
import { openBenchDatabase } from './bench-database.js';
import { exportRows, logForMany, timeline, workspaceList } from './scenarios.js';
import { seedWorkspace } from './seed.js';
import { progress, round } from './support.js';

/**
 * Performance bench (not a test): two workspaces of 5,000 contacts / 100,000 interactions on a
 * fresh embedded FerretDB in /dev/shm; each service measurement sits next to a bare-driver
 * baseline taken in the same run on the same server. Prints JSON and writes
 * bench/results/latest.json. Sizes, iteration caps and time budgets come from BENCH_CONTACTS,
 * BENCH_INTERACTIONS, BENCH_ITERATIONS, BENCH_EXPORT_RUNS, BENCH_LOG_RUNS and
 * BENCH_{TIMELINE,LIST,EXPORT,LOG}_SECONDS (e.g. small sizes for a smoke run).
 */
const intFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const SIZES = {
  contacts: intFromEnv('BENCH_CONTACTS', 5_000),
  interactions: intFromEnv('BENCH_INTERACTIONS', 100_000),
};
const seconds = (name: string, fallback: number) => intFromEnv(name, fallback) * 1000;
/**
 * Time budgets keep the whole run near 15 minutes on a 2-core machine where one FerretDB
 * query over 200k documents can take most of a minute; faster machines get more iterations.
 */
const BUDGETS = {
  timeline: {
    maxIterations: intFromEnv('BENCH_ITERATIONS', 7),
    budgetMs: seconds('BENCH_TIMELINE_SECONDS', 150),
  },
  list: { maxIterations: intFromEnv('BENCH_ITERATIONS', 7), budgetMs: seconds('BENCH_LIST_SECONDS', 150) },
  export: {
    maxIterations: intFromEnv('BENCH_EXPORT_RUNS', 3),
    budgetMs: seconds('BENCH_EXPORT_SECONDS', 240),
  },
  log: { maxIterations: intFromEnv('BENCH_LOG_RUNS', 10), budgetMs: seconds('BENCH_LOG_SECONDS', 90) },
};
const TARGETS = {
  timelineRatioP50Max: 1.3,
  listRatioP50Max: 1.3,
  exportRowsPerSecondRatioMin: 0.75,
  exportPeakRssGrowthMbMax: 150,
};

async function main(): Promise<void> {
  const startedAt = new Date();
  const bench = await openBenchDatabase('db');
  const { database, uri, dataDir } = bench;
  const client = await new MongoClient(uri, { ignoreUndefined: true }).connect();
  try {
    const db = client.db();
    const container = createContainer(database, { logger: silentLogger });
    progress(`seeding 2 workspaces of ${SIZES.contacts} contacts / ${SIZES.interactions} interactions`);
    const seedStart = Date.now();
    const first = await seedWorkspace(container, db, 'a', SIZES, 1);
    const second = await seedWorkspace(container, db, 'b', SIZES, 2);
    const seedSeconds = round((Date.now() - seedStart) / 1000, 1);

    const timelineResult = await timeline(container, db, first, BUDGETS.timeline);
    const listResult = await workspaceList(container, db, first, BUDGETS.list);
    const exportResult = await exportRows(container, db, first, BUDGETS.export);
    const logResult = await logForMany(container, db, second, BUDGETS.log);

    const pass = {
      timeline: timelineResult.ratioP50 <= TARGETS.timelineRatioP50Max,
      list: listResult.ratioP50 <= TARGETS.listRatioP50Max,
      exportThroughput: exportResult.rowsPerSecondRatio >= TARGETS.exportRowsPerSecondRatioMin,
      exportMemory: exportResult.service.peakRssGrowthMbMax <= TARGETS.exportPeakRssGrowthMbMax,
    };
    const result = {
      startedAt: startedAt.toISOString(),
      durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
      environment: {
        node: process.version,
        cpus: cpus().length,
        memoryGb: round(totalmem() / 1024 ** 3, 1),
        server: `FerretDB ${FERRETDB_VERSION} (SQLite backend, data in ${dirname(dataDir)})`,
      },
      dataset: { workspaces: 2, ...SIZES, totalInteractions: SIZES.interactions * 2, seedSeconds },
      contactTimelineFirstPage: timelineResult,
      workspaceListFirstPageTwoFilters: {
        filters: "types in ['Visit','Call'] and actions in ['Discussion']",
        ...listResult,
      },
      export: exportResult,
      logInteraction500Contacts: logResult,
      budgetsSeconds: Object.fromEntries(
        Object.entries(BUDGETS).map(([name, budget]) => [name, budget.budgetMs / 1000]),
      ),
      targets: TARGETS,
      pass: { ...pass, all: Object.values(pass).every(Boolean) },
    };
    const json = JSON.stringify(result, null, 2);
    const out = join(projectRoot(), 'bench', 'results', 'latest.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    progress(`done in ${result.durationSeconds} s; written to ${out}`);
  } finally {
    await client.close();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
