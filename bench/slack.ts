import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { App, LogLevel } from '@slack/bolt';
import { parseNaturalDate } from '../src/adapters/shared/natural-dates.js';
import { createSlackApp } from '../src/adapters/slack/app.js';
import type { Container } from '../src/app/container.js';
import { silentLogger } from '../src/core/shared/ports.js';
import type { Database } from '../src/infra/mongo/database.js';
import { MongoInstallationStore } from '../src/infra/slack/installation-store.js';
import {
  FAKE_DEFAULTS,
  type FakeSlack,
  sendSlashCommand,
  startFakeSlack,
} from '../test/slack/fake-slack/index.js';
import { percentile, progress, round } from './support.js';

const SECRET = 'bench-signing-secret-0123456789';
const CONCURRENCY = 200;
const TARGETS = { ackP99MsMax: 100, ackRatioP99Max: 2, viewsOpenP99MsMax: 1000 };

interface Latencies {
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

const summary = (samples: number[]): Latencies => ({
  p50Ms: round(percentile(samples, 50)),
  p99Ms: round(percentile(samples, 99)),
  samples: samples.length,
});

async function listen(app: App): Promise<string> {
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

/**
 * One burst of `CONCURRENCY` signed `/interaction` commands (half `timeline <name>`, half
 * `log <name>`), all sent at once. The HTTP response is Bolt's ack (processBeforeResponse off,
 * as in production), so its latency is the ack latency; for `log`, the fake Slack's record of
 * `views.open` with the same trigger_id gives command → modal latency.
 */
async function burst(url: string, fake: FakeSlack, names: string[]) {
  const ack: number[] = [];
  const sentAt = new Map<string, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, index) => {
      const verb = index % 2 === 0 ? 'timeline' : 'log';
      const triggerId = fake.issueTriggerId({ userId: FAKE_DEFAULTS.users.alice });
      const start = performance.now();
      if (verb === 'log') sentAt.set(triggerId, Date.now());
      const response = await sendSlashCommand(
        url,
        SECRET,
        {
          command: '/interaction',
          text: `${verb} ${names[index % names.length]}`,
          user_id: FAKE_DEFAULTS.users.alice,
          channel_id: FAKE_DEFAULTS.channels.general,
          trigger_id: triggerId,
        },
        { fake },
      );
      ack.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`command answered ${response.status}`);
    }),
  );
  return { ack, sentAt };
}

async function viewsOpenLatencies(
  fake: FakeSlack,
  sentAt: Map<string, number>,
  deadlineMs: number,
): Promise<number[]> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const opened = fake.callsTo('views.open').filter((call) => sentAt.has(String(call.args.trigger_id)));
    if (opened.length >= sentAt.size || Date.now() > until) {
      return opened.map((call) => call.time - (sentAt.get(String(call.args.trigger_id)) ?? call.time));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function slackBench(database: Database, container: Container) {
  const fake = await startFakeSlack();
  const config = {
    DATA_DIR: './data',
    PORT: 0,
    LOG_LEVEL: 'silent' as const,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
    SLACK_API_URL: fake.url,
  };
  const ours = createSlackApp({
    config,
    mode: { kind: 'single-workspace', socketMode: false },
    installationStore: new MongoInstallationStore(database.connection),
    tenants: container.workspaces,
    clock: container.clock,
    logger: silentLogger,
    deps: { container, parseDate: parseNaturalDate },
  });
  const bare = new App({
    signingSecret: SECRET,
    token: FAKE_DEFAULTS.token,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: fake.url },
    logger: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      setLevel() {},
      getLevel: () => LogLevel.ERROR,
      setName() {},
    },
  });
  bare.command('/interaction', async ({ ack }) => ack());
  try {
    const oursUrl = await listen(ours);
    const bareUrl = await listen(bare);
    const workspace = await container.workspaces.resolveWorkspace({
      platform: 'slack',
      externalId: FAKE_DEFAULTS.teamId,
      name: 'bench',
    });
    const actor = await container.workspaces.resolveActor({
      workspace,
      userId: FAKE_DEFAULTS.users.alice,
      displayName: 'alice',
    });
    const names: string[] = [];
    for (let i = 0; i < 20; i++) {
      const contact = await container.contacts.createContact(actor, {
        firstName: `Bench${i}`,
        lastName: `Person${i}`,
      });
      names.push(`Bench${i} Person${i}`);
      await container.interactions.logInteraction(actor, {
        idempotencyKey: `bench-${i}`,
        contactIds: [contact.id],
        type: 'Call',
      });
    }
    progress(`slack: ${CONCURRENCY} concurrent commands against the bare app`);
    const bareRun = await burst(bareUrl, fake, names);
    fake.reset();
    progress(`slack: ${CONCURRENCY} concurrent commands against our app (cold caches)`);
    const coldRun = await burst(oursUrl, fake, names);
    const coldViewsOpen = await viewsOpenLatencies(fake, coldRun.sentAt, 60_000);
    fake.reset();
    progress(`slack: ${CONCURRENCY} concurrent commands against our app (warm)`);
    const warmRun = await burst(oursUrl, fake, names);
    const warmViewsOpen = await viewsOpenLatencies(fake, warmRun.sentAt, 60_000);
    const bareAck = summary(bareRun.ack);
    const warmAck = summary(warmRun.ack);
    const result = {
      concurrency: CONCURRENCY,
      ack: {
        ours: warmAck,
        oursColdCache: summary(coldRun.ack),
        bareBolt: bareAck,
        ratioP99: round(warmAck.p99Ms / bareAck.p99Ms),
      },
      commandToViewsOpen: {
        warm: summary(warmViewsOpen),
        cold: summary(coldViewsOpen),
        expected: warmRun.sentAt.size,
      },
      targets: TARGETS,
    };
    return {
      ...result,
      pass: {
        ackP99: warmAck.p99Ms <= TARGETS.ackP99MsMax,
        ackRatio: result.ack.ratioP99 <= TARGETS.ackRatioP99Max,
        viewsOpenP99:
          result.commandToViewsOpen.warm.p99Ms <= TARGETS.viewsOpenP99MsMax &&
          warmViewsOpen.length === warmRun.sentAt.size,
      },
    };
  } finally {
    await ours.stop();
    await bare.stop();
    await fake.close();
  }
}
