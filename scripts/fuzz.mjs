#!/usr/bin/env node
// npm run fuzz -- [--seed N] [--budget-ms MS] [--size small|full]
// Runs the fault and fuzz campaign (test/fuzz) against the real Slack and Teams apps, prints
// the seed first (replay a failure with the same --seed) and the JSON summary last.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    'budget-ms': { type: 'string', default: '600000' },
    size: { type: 'string', default: 'full' },
  },
});
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(seed)) throw new Error(`--seed must be a whole number, not ${seed}`);
if (!/^\d+$/.test(values['budget-ms'])) throw new Error('--budget-ms must be a whole number of milliseconds');
if (values.size !== 'small' && values.size !== 'full') throw new Error('--size must be small or full');

console.log(
  `fuzz: seed ${seed}, size ${values.size}, budget ${values['budget-ms']} ms (replay: npm run fuzz -- --seed ${seed} --size ${values.size})`,
);
const dir = mkdtempSync(join(tmpdir(), 'il-fuzz-'));
const summary = join(dir, 'summary.json');
const run = spawnSync('npx', ['vitest', 'run', '--config', 'test/fuzz/vitest.fuzz.config.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    FUZZ_SEED: seed,
    FUZZ_BUDGET_MS: values['budget-ms'],
    FUZZ_SIZE: values.size,
    FUZZ_SUMMARY: summary,
  },
});
try {
  console.log(readFileSync(summary, 'utf8'));
} catch {
  console.error('fuzz: the run ended before writing its summary (see the errors above)');
}
rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
