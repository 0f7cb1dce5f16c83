import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createContainer } from '../src/app/container.js';
import { silentLogger } from '../src/core/shared/ports.js';
import { projectRoot } from '../src/infra/mongo/project-root.js';
import { FAKE_DEFAULTS } from '../test/slack/fake-slack/index.js';
import { openBenchStore } from './bench-store.js';
import { slackBench } from './slack.js';
import { progress } from './support.js';

/**
 * `npm run bench:slack`: 200 concurrent commands against the real app and a bare Bolt app, on
 * the default store with the team's workspace seeded (bench-store.ts). Writes bench/results/slack.json.
 */
async function main(): Promise<void> {
  const bench = await openBenchStore('slack', { platform: 'slack', externalId: FAKE_DEFAULTS.teamId });
  try {
    const container = createContainer(bench.storage, { logger: silentLogger });
    const result = {
      startedAt: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      dataset: bench.dataset,
      ...(await slackBench(bench.storage, container)),
    };
    const json = JSON.stringify(result, null, 2);
    const out = join(projectRoot(), 'bench', 'results', 'slack.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    progress(`written to ${out}`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error('slack bench failed:', error);
  process.exitCode = 1;
});
