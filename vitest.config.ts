import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // FerretDB's first build can take minutes on a cold machine; real tests stay fast.
    hookTimeout: 300_000,
    testTimeout: 30_000,
    pool: 'forks',
  },
});
