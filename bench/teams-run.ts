import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createContainer } from '../src/app/container.js';
import { startTeams } from '../src/app/start-teams.js';
import { silentLogger } from '../src/core/shared/ports.js';
import { projectRoot } from '../src/infra/mongo/project-root.js';
import { fakeBotToken } from '../test/teams/fake-connector/index.js';
import { openBenchStore } from './bench-store.js';
import { progress } from './support.js';
import { seedTeamsWorkspace, teamsCommandsBench } from './teams.js';
import { teamsProactiveBench } from './teams-proactive.js';
import { teamsSchedulerBench } from './teams-scheduler.js';
import { BOT_APP_ID, bareTeamsApp, listen, TENANT, TeamsLoad } from './teams-support.js';

/**
 * `npm run bench:teams`: the real Teams plugin against a bare Teams SDK app, both on the fake
 * Bot Connector (on its own thread, enforcing Teams' per-conversation limits): a burst of 200
 * concurrent commands (timelines and log-dialog fetches), then proactive reminder throughput
 * against those limits, direct and through the scheduler. Writes bench/results/teams.json.
 */
async function main(): Promise<void> {
  const bench = await openBenchStore('teams', { platform: 'teams', externalId: TENANT });
  const load = await TeamsLoad.start();
  const oursServer = await listen();
  const bareServer = await listen();
  try {
    const container = createContainer(bench.storage, { logger: silentLogger });
    const teams = await startTeams({
      mode: { kind: 'on', clientId: BOT_APP_ID, serviceUrl: load.serviceUrl, allowUnauthenticated: true },
      expressApp: oursServer.expressApp,
      container,
      publicUrl: oursServer.base,
      token: () => fakeBotToken(BOT_APP_ID),
    });
    const bare = await bareTeamsApp(bareServer.expressApp, load.serviceUrl);
    const seeded = await seedTeamsWorkspace(container);
    const { workspace } = seeded;
    const commands = await teamsCommandsBench({
      load,
      seeded,
      oursUrl: `${oursServer.base}/api/messages`,
      bareUrl: `${bareServer.base}/api/messages`,
      bare,
    });
    const proactive = await teamsProactiveBench(load, container, workspace, teams.senders, bare);
    const scheduled = await teamsSchedulerBench(load, bench.storage, workspace, teams.senders);
    const result = {
      startedAt: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      dataset: bench.dataset,
      commands,
      proactive: { ...proactive, throughScheduler: scheduled },
    };
    const json = JSON.stringify(result, null, 2);
    const out = join(projectRoot(), 'bench', 'results', 'teams.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    progress(`written to ${out}`);
  } finally {
    await oursServer.close();
    await bareServer.close();
    await load.stop();
    await bench.close();
  }
}

main()
  .catch((error: unknown) => {
    console.error('teams bench failed:', error);
    process.exitCode = 1;
  })
  // agenda's lock watchdog sleeps up to half a lock lifetime before it notices the end.
  .finally(() => process.exit());
