import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { percentile, progress, round, withRssSampling } from './support.js';

export interface Timing {
  p50Ms: number;
  p99Ms: number;
}

export interface Paired {
  repository: Timing;
  bare: Timing;
  /** repository p50 / bare p50: what the mapping and the port cost. */
  ratioP50: number;
  samples: number;
  /** Rows the call returned (a page) or the number it counted: both sides must agree. */
  result: number;
}

const timing = (samples: number[]): Timing => ({
  p50Ms: round(percentile(samples, 50), 3),
  p99Ms: round(percentile(samples, 99), 3),
});

/**
 * Runs the repository call and its bare statement alternately (order flipped every pair) after a
 * warm-up, until `maxPairs` or `budgetMs`, at least `minPairs`. Both must give the same answer.
 */
export async function pair(
  label: string,
  repository: () => Promise<number>,
  bare: () => number,
  options = { minPairs: 15, maxPairs: 300, budgetMs: 6_000 },
): Promise<Paired> {
  const repo: number[] = [];
  const raw: number[] = [];
  const results = { repository: await repository(), bare: bare() };
  for (let warm = 0; warm < 3; warm++) {
    await repository();
    bare();
  }
  if (results.repository !== results.bare) {
    throw new Error(
      `${label}: the repository gave ${results.repository}, the bare statement ${results.bare}`,
    );
  }
  const started = performance.now();
  for (let index = 0; index < options.maxPairs; index++) {
    if (index >= options.minPairs && performance.now() - started > options.budgetMs) break;
    const runRepository = async () => {
      const start = performance.now();
      await repository();
      repo.push(performance.now() - start);
    };
    const runBare = () => {
      const start = performance.now();
      bare();
      raw.push(performance.now() - start);
    };
    if (index % 2 === 0) {
      await runRepository();
      runBare();
    } else {
      runBare();
      await runRepository();
    }
  }
  const result = {
    repository: timing(repo),
    bare: timing(raw),
    ratioP50: round(percentile(repo, 50) / percentile(raw, 50), 2),
    samples: repo.length,
    result: results.repository,
  };
  progress(
    `${label}: ${result.repository.p50Ms} ms vs ${result.bare.p50Ms} ms bare (${result.samples} pairs)`,
  );
  return result;
}

interface ExportRun {
  rows: number;
  seconds: number;
  peakRssGrowthMb: number;
}

/** The export use case into /dev/null next to a bare cursor piped through csv-stringify. */
export async function exportPair(
  useCase: () => Promise<number>,
  bareRows: () => Iterable<string[]>,
  runs: number,
) {
  const bare = async () => {
    let rows = 0;
    function* counted() {
      for (const row of bareRows()) {
        rows++;
        yield row;
      }
    }
    await pipeline(Readable.from(counted()), stringify({ bom: true }), createWriteStream('/dev/null'));
    return rows;
  };
  const measured = { useCase: [] as ExportRun[], bare: [] as ExportRun[] };
  for (let run = 0; run < runs; run++) {
    // The use case first in each pair: its RSS growth is measured on the colder heap.
    for (const [name, task] of [
      ['useCase', useCase],
      ['bare', bare],
    ] as const) {
      const { value: rows, ms, peakRssGrowthMb } = await withRssSampling(task);
      measured[name].push({ rows, seconds: ms / 1000, peakRssGrowthMb });
      progress(`export ${name} run ${run + 1}: ${rows} rows in ${(ms / 1000).toFixed(1)} s`);
    }
  }
  const summary = (list: ExportRun[]) => {
    const rates = list.map((run) => run.rows / run.seconds).sort((a, b) => a - b);
    return {
      rows: list[0]?.rows ?? 0,
      runs: list.length,
      rowsPerSecondMedian: Math.round(rates[Math.floor(rates.length / 2)] ?? 0),
      peakRssGrowthMbMax: Math.max(...list.map((run) => run.peakRssGrowthMb)),
    };
  };
  const useCaseSummary = summary(measured.useCase);
  const bareSummary = summary(measured.bare);
  return {
    useCase: useCaseSummary,
    bare: bareSummary,
    rowsPerSecondRatio: round(useCaseSummary.rowsPerSecondMedian / bareSummary.rowsPerSecondMedian, 3),
  };
}
