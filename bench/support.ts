import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** stderr only: stdout carries the JSON result. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export interface Stats {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Nearest-rank percentile over a copy of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function stats(samples: number[]): Stats {
  return {
    samples: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
  };
}

export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

export interface Comparison {
  service: Stats;
  baseline: Stats;
  /** service / baseline; lower is better. */
  ratioP50: number;
  ratioP95: number;
}

export interface Budget {
  /** Measured pairs wanted at most. */
  maxIterations: number;
  /** Wall-clock time the comparison may take, warm-up included. */
  budgetMs: number;
}

/**
 * Runs the service call and its bare-driver baseline alternately (the order flips every pair,
 * so neither always runs on a warmer server). The first pair is a warm-up, discarded when the
 * budget still allows three measured pairs after it; otherwise (FerretDB scans the whole
 * collection on every query, so one pair can take minutes on a small machine, and server time
 * then dwarfs any client warm-up) it is kept as the first sample.
 */
export async function compare(
  label: string,
  budget: Budget,
  service: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<Comparison & { iterations: number; warmUpDiscarded: boolean }> {
  const serviceMs: number[] = [];
  const baselineMs: number[] = [];
  const runPair = async (index: number) => {
    const order = index % 2 === 0 ? (['s', 'b'] as const) : (['b', 's'] as const);
    for (const which of order) {
      const { ms } = await timed(which === 's' ? service : baseline);
      (which === 's' ? serviceMs : baselineMs).push(ms);
    }
  };
  const started = performance.now();
  await runPair(0);
  const pairMs = performance.now() - started;
  const affordable = Math.floor((budget.budgetMs - pairMs) / pairMs);
  const warmUpDiscarded = affordable >= 3;
  if (warmUpDiscarded) {
    serviceMs.length = 0;
    baselineMs.length = 0;
  }
  const more = Math.min(affordable, budget.maxIterations - (warmUpDiscarded ? 0 : 1));
  progress(`${label}: first pair ${(pairMs / 1000).toFixed(1)} s; ${Math.max(0, more)} more`);
  for (let index = 1; index <= more; index++) {
    await runPair(index);
    progress(`${label}: pair ${index + 1}`);
  }
  const s = stats(serviceMs);
  const b = stats(baselineMs);
  return {
    iterations: serviceMs.length,
    warmUpDiscarded,
    service: s,
    baseline: b,
    ratioP50: round(s.p50Ms / b.p50Ms, 3),
    ratioP95: round(s.p95Ms / b.p95Ms, 3),
  };
}

/** A full GC when the runtime allows it (turned on here, since `npm run bench` passes no flags). */
export function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') gc();
  } catch {
    // Without a GC hook the RSS figures are only a little noisier.
  }
}

/** Samples RSS every `everyMs` while `task` runs; reports the peak above the starting RSS. */
export async function withRssSampling<T>(
  task: () => Promise<T>,
  everyMs = 50,
): Promise<{ value: T; ms: number; peakRssGrowthMb: number }> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  try {
    const { ms, value } = await timed(task);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms, peakRssGrowthMb: round((peak - startRss) / 1024 / 1024, 1) };
  } finally {
    clearInterval(timer);
  }
}

export { round };
