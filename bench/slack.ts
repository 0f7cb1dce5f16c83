import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { App, LogLevel } from '@slack/bolt';
import { parseNaturalDate } from '../src/adapters/shared/natural-dates.js';
import { createSlackApp } from '../src/adapters/slack/app.js';
import type { Container } from '../src/app/container.js';
import { silentLogger } from '../src/core/shared/ports.js';
import type { Storage } from '../src/infra/storage.js';
import { FAKE_DEFAULTS } from '../test/slack/fake-slack/index.js';
import { TIMELINE_DEPTH } from './bench-store.js';
import type { RunRequest, RunResult } from './slack-load-worker.js';
import { percentile, progress, round } from './support.js';

const SECRET = 'bench-signing-secret-0123456789';
const CONCURRENCY = 200;
const TARGETS = { ackP99MsMax: 100, ackRatioP99Max: 2, viewsOpenP99MsMax: 1000 };

const summary = (samples: number[]) => ({
  p50Ms: round(percentile(samples, 50)),
  p99Ms: round(percentile(samples, 99)),
  samples: samples.length,
});

async function listen(app: App): Promise<string> {
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

/** Talks to the load-generator thread (which also hosts the fake Slack). */
class LoadGenerator {
  private constructor(
    private readonly worker: Worker,
    readonly fakeUrl: string,
  ) {}

  static async start(): Promise<LoadGenerator> {
    const worker = new Worker(new URL('./slack-load-worker.js', import.meta.url));
    const fakeUrl = await new Promise<string>((resolve, reject) => {
      worker.once('message', (message: { fakeUrl: string }) => resolve(message.fakeUrl));
      worker.once('error', reject);
    });
    return new LoadGenerator(worker, fakeUrl);
  }

  /** expectViews: the bare app never opens modals, so only our runs wait for views.open. */
  run(url: string, names: string[], expectViews = true): Promise<RunResult> {
    const request: RunRequest = {
      type: 'run',
      url,
      secret: SECRET,
      names,
      concurrency: CONCURRENCY,
      waitMs: 60_000,
      expectViews,
    };
    const done = new Promise<RunResult>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage(request);
    return done;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ type: 'stop' });
    await exited;
  }
}

/**
 * Bursts of 200 concurrent signed `/interaction` commands (half `timeline <name>`, half
 * `log <name>`), one per person, against our app and against a bare Bolt app that only acks,
 * both in HTTP mode with processBeforeResponse off as in production: the HTTP response is the
 * ack. The cold burst is each person's first request (workspace read, member created); the
 * warm one repeats it with the tenant cache filled.
 */
export async function slackBench(storage: Storage, container: Container) {
  const load = await LoadGenerator.start();
  const config = {
    DATA_DIR: './data',
    PORT: 0,
    LOG_LEVEL: 'silent' as const,
    WORKER: 'off' as const,
    TEAMS_ALLOW_UNAUTHENTICATED: false,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
    SLACK_API_URL: load.fakeUrl,
  };
  const ours = createSlackApp({
    config,
    mode: { kind: 'single-workspace', socketMode: false },
    installationStore: storage.slackInstallations,
    tenants: container.workspaces,
    clock: container.clock,
    logger: silentLogger,
    deps: { container, parseDate: parseNaturalDate },
  });
  const bare = new App({
    signingSecret: SECRET,
    token: FAKE_DEFAULTS.token,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: load.fakeUrl },
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
  // The bare app acks, and answers a timeline with the very message ours posted (captured from
  // our cold burst), so both post the same bytes and the ratio is what our logic adds.
  let bareTimelineReply: Record<string, unknown> | undefined;
  bare.command('/interaction', async ({ ack, command, respond }) => {
    await ack();
    if (command.text.startsWith('timeline') && bareTimelineReply) await respond(bareTimelineReply);
  });
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
      facts: { platformAdmin: true }, // the fake workspace's primary owner
    });
    const names: string[] = [];
    for (let i = 0; i < 20; i++) {
      const contact = await container.contacts.createContact(actor, {
        firstName: `Bench${i}`,
        lastName: `Person${i}`,
      });
      names.push(`Bench${i} Person${i}`);
      for (let j = 0; j < TIMELINE_DEPTH; j++) {
        await container.interactions.logInteraction(actor, {
          idempotencyKey: `bench-${i}-${j}`,
          contactIds: [contact.id],
          type: 'Call',
        });
      }
    }
    progress(`slack: ${CONCURRENCY} concurrent commands → our app (cold caches)`);
    const coldRun = await load.run(oursUrl, names);
    if (coldRun.sampleTimelineReply) bareTimelineReply = JSON.parse(coldRun.sampleTimelineReply);
    progress(`slack: ${CONCURRENCY} concurrent commands → bare Bolt app`);
    const bareRun = await load.run(bareUrl, names, false);
    progress(`slack: ${CONCURRENCY} concurrent commands → our app (warm)`);
    const warmRun = await load.run(oursUrl, names);
    const bareAck = summary(bareRun.ackMs);
    const warmAck = summary(warmRun.ackMs);
    const ratioP99 = round(warmAck.p99Ms / bareAck.p99Ms);
    const viewsWarm = summary(warmRun.viewsOpenMs);
    const timelineWarm = summary(warmRun.timelineMessageMs);
    const timelineBare = summary(bareRun.timelineMessageMs);
    return {
      concurrency: CONCURRENCY,
      ack: {
        ours: warmAck,
        oursColdCache: summary(coldRun.ackMs),
        bareBolt: bareAck,
        ratioP50: round(warmAck.p50Ms / bareAck.p50Ms),
        ratioP99,
      },
      // `timeline <name>` → its ephemeral message at the response_url; the bare app posts the same message.
      timelineMessage: {
        ours: timelineWarm,
        oursColdCache: summary(coldRun.timelineMessageMs),
        bareBolt: timelineBare,
        ratioP50: round(timelineWarm.p50Ms / timelineBare.p50Ms),
        ratioP99: round(timelineWarm.p99Ms / timelineBare.p99Ms),
        expectedPerRun: CONCURRENCY / 2,
        repliesWithoutBlocks: coldRun.timelineRepliesWithoutBlocks + warmRun.timelineRepliesWithoutBlocks,
      },
      commandToViewsOpen: {
        warm: viewsWarm,
        cold: summary(coldRun.viewsOpenMs),
        expectedPerRun: CONCURRENCY / 2,
      },
      // The "Looking up…" modal opens at once; this is when the form with its contacts replaced it.
      commandToFilledForm: { warm: summary(warmRun.formReadyMs), cold: summary(coldRun.formReadyMs) },
      failedRequests: bareRun.failures + coldRun.failures + warmRun.failures,
      targets: TARGETS,
      pass: {
        ackP99: warmAck.p99Ms <= TARGETS.ackP99MsMax,
        ackRatio: ratioP99 <= TARGETS.ackRatioP99Max,
        viewsOpenP99: viewsWarm.p99Ms <= TARGETS.viewsOpenP99MsMax && viewsWarm.samples === CONCURRENCY / 2,
      },
    };
  } finally {
    await ours.stop();
    await bare.stop();
    await load.stop();
  }
}
