import { describe } from 'vitest';
import { defineFuzzSuite } from './fuzz-suite.js';

/** Run by scripts/fuzz.mjs, which passes the command line through the environment. */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 600_000);
const size = process.env.FUZZ_SIZE === 'small' ? 'small' : 'full';

describe(`fuzz (${size}, seed ${seed})`, () => {
  defineFuzzSuite({
    seed,
    budgetMs,
    size,
    ...(process.env.FUZZ_SUMMARY ? { summaryPath: process.env.FUZZ_SUMMARY } : {}),
  });
});
