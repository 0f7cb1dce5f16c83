import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the full-size campaign, outside `npm test`. SQLite only (the default store),
 * so no FerretDB is started; the budget bounds the run, the test timeout only guards a hang.
 */
export default defineConfig({
  test: {
    include: ['test/fuzz/fuzz-cli.fuzz.ts'],
    testTimeout: 24 * 60 * 60 * 1000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
