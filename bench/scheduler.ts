import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LogLevel } from '@slack/web-api';
import { cachedClients } from '../src/adapters/slack/notifiers/slack-clients.js';
import { createSlackReminderNotifier } from '../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { createSlackReportPublisher } from '../src/adapters/slack/notifiers/slack-report-publisher.js';
import { createContainer, storageOf } from '../src/app/container.js';
import { prepareScheduling } from '../src/app/open-scheduling.js';
import { startScheduling } from '../src/app/worker.js';
import type { FollowUpReminder } from '../src/core/followups/follow-up-scheduler.port.js';
import type { Interaction } from '../src/core/interactions/interaction.js';
import { silentLogger, systemClock } from '../src/core/shared/ports.js';
import { defaultSettings } from '../src/core/workspaces/workspace.js';
import { connect, type Database } from '../src/infra/mongo/database.js';
import {
  ensureFerretdbBinary,
  FERRETDB_VERSION,
  startFerretdb,
} from '../src/infra/mongo/embedded-ferretdb.js';
import { startFakeSlack } from '../test/slack/fake-slack/index.js';
import { progress, round } from './support.js';

/**
 * Scheduler bench: `reminders` follow-up reminders due in the same minute across `workspaces`
 * workspaces, sent by one worker to the fake Slack, which enforces a chat.postMessage budget
 * per workspace (429 + Retry-After beyond it). Reports the time to deliver all, duplicates and
 * losses (both must be 0), and the achieved send rate as a fraction of the allowed rate.
 */
export interface SchedulerBenchOptions {
  reminders?: number;
  workspaces?: number;
  usersPerWorkspace?: number;
  /** chat.postMessage calls allowed per workspace per window. */
  ratePerWorkspace?: { limit: number; windowMs: number };
  /** An existing MongoDB/FerretDB base URI (…/); default: a fresh embedded FerretDB on /dev/shm. */
  baseUri?: string;
  timeoutMs?: number;
}

export interface SchedulerBenchResult {
  reminders: number;
  workspaces: number;
  server: string;
  allowedRatePerSecond: number;
  seedSeconds: number;
  secondsToDeliverAll: number;
  delivered: number;
  duplicates: number;
  losses: number;
  achievedRatePerSecond: number;
  achievedFractionOfAllowed: number;
  rateLimitedResponses: number;
  /** Sends that failed and were retried later, by reason (a rate limit outlasting the client's retries…). */
  failedSends: Record<string, number>;
  target: { fractionMin: number; duplicates: 0; losses: 0 };
  pass: boolean;
}

const DUE_WINDOW_MS = 60_000;

function reminderInteraction(
  workspaceId: string,
  index: number,
  userId: string,
  dueAt: Date,
  at: Date,
): Interaction {
  const id = `b-${workspaceId}-${index}`;
  return {
    id,
    workspaceId,
    eventId: id,
    contactId: `${workspaceId}-c${index % 40}`,
    contactName: `Contact ${index % 40}`,
    type: 'Call',
    actions: ['Discussion'],
    description: `Call back about the order #${index}`,
    occurredAt: at,
    createdAt: at,
    updatedAt: at,
    authorId: userId,
    authorName: userId,
    important: false,
    followUp: { dueAt, assigneeId: userId, status: 'open' },
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: `${id}:seed`,
  };
}

export async function runSchedulerBench(options: SchedulerBenchOptions = {}): Promise<SchedulerBenchResult> {
  const total = options.reminders ?? 10_000;
  const workspaces = options.workspaces ?? 50;
  const users = options.usersPerWorkspace ?? 20;
  const rate = options.ratePerWorkspace ?? { limit: 1, windowMs: 1_000 };
  const allowedRatePerSecond = (workspaces * rate.limit * 1000) / rate.windowMs;

  let stopServer = async () => {};
  let baseUri = options.baseUri;
  let server = 'given URI';
  if (!baseUri) {
    const dataDir = mkdtempSync(join(process.platform === 'linux' ? '/dev/shm' : '/tmp', 'il-sched-bench-'));
    const ferret = await startFerretdb(await ensureFerretdbBinary(silentLogger), dataDir, silentLogger);
    baseUri = ferret.uri.replace(/\/?$/, '/');
    server = `FerretDB ${FERRETDB_VERSION} (SQLite, ${dataDir})`;
    stopServer = async () => {
      await ferret.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const database: Database = await connect(`${baseUri}sched_${randomBytes(4).toString('hex')}`, {
    logger: silentLogger,
    monitorCommands: process.env.BENCH_PROFILE === '1',
  });
  const profile = process.env.BENCH_PROFILE === '1' ? profileCommands(database) : undefined;
  const fake = await startFakeSlack({ empty: true });
  try {
    const tokens = new Map<string, string>();
    const { runner, scheduler } = prepareScheduling(database, { logger: silentLogger, processEvery: 1_000 });
    const container = createContainer(database, { logger: silentLogger, clock: systemClock, scheduler });

    progress(`scheduler bench: seeding ${total} reminders in ${workspaces} workspaces`);
    const seedStart = Date.now();
    const dueFrom = seedStart;
    const perWorkspace: { workspaceId: string; users: string[] }[] = [];
    for (let w = 0; w < workspaces; w++) {
      const teamId = `TB${String(w).padStart(4, '0')}`;
      const token = `xoxb-bench-${w}`;
      fake.addTeam({ id: teamId });
      fake.addToken({ token, teamId, botUserId: `UBOT${w}` });
      const ids = Array.from({ length: users }, (_, u) => fake.addUser({ teamId, name: `u${w}-${u}` }).id);
      const workspace = await storageOf(container).repositories.workspaces.insertOrGet({
        id: `bw${w}`,
        platform: 'slack',
        externalId: teamId,
        name: teamId,
        settings: defaultSettings(),
        createdAt: new Date(seedStart),
        updatedAt: new Date(seedStart),
      });
      tokens.set(workspace.id, token);
      perWorkspace.push({ workspaceId: workspace.id, users: ids });
    }
    fake.rateLimit('chat.postMessage', { ...rate, perTeam: true });
    fake.rateLimit('conversations.open', { limit: 50, windowMs: 60_000, perTeam: true }); // Tier 3

    // Interleaved across workspaces, as real due times would be; all within one minute.
    const interactions: Interaction[] = [];
    for (let i = 0; i < total; i++) {
      const { workspaceId, users: ids } = perWorkspace[i % workspaces]!;
      const dueAt = new Date(dueFrom + Math.floor((i / total) * DUE_WINDOW_MS));
      interactions.push(
        reminderInteraction(workspaceId, i, ids[i % ids.length]!, dueAt, new Date(seedStart)),
      );
    }
    for (let start = 0; start < interactions.length; start += 1_000) {
      await storageOf(container).repositories.interactions.insertMany(
        interactions.slice(start, start + 1_000),
      );
    }
    const reminders: FollowUpReminder[] = interactions.map((interaction) => ({
      workspaceId: interaction.workspaceId,
      interactionId: interaction.id,
      eventId: interaction.eventId,
      assigneeId: interaction.followUp!.assigneeId,
      fireAt: interaction.followUp!.dueAt,
    }));
    await scheduler.schedule(reminders);
    const seedSeconds = round((Date.now() - seedStart) / 1000, 1);
    const wait = dueFrom + DUE_WINDOW_MS - Date.now();
    if (wait > 0) {
      progress(
        `seeded in ${seedSeconds} s; waiting ${Math.ceil(wait / 1000)} s until the whole minute is due`,
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }

    const clientFor = cachedClients(async (workspaceId) => tokens.get(workspaceId) ?? '', {
      slackApiUrl: fake.url,
      logLevel: LogLevel.ERROR,
    });
    // Sends that failed (and were retried later): counted by reason for the result.
    const failures = new Map<string, number>();
    const failureLog = {
      ...silentLogger,
      warn: (_message: string, context?: Record<string, unknown>) => {
        const reason = String(context?.reason ?? 'unknown').slice(0, 120);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      },
    };
    const started = Date.now();
    progress('scheduler bench: worker started');
    const scheduling = await startScheduling(container, {
      mode: 'only',
      runner,
      scheduler,
      notifier: createSlackReminderNotifier({ clientFor, logger: failureLog }),
      publisher: createSlackReportPublisher({ clientFor, logger: silentLogger }),
      dispatchEveryMs: 1_000,
      reminderConcurrency: 4 * workspaces,
    });
    const timeoutMs = options.timeoutMs ?? 30 * 60_000;
    const sent = () => fake.calls.filter((call) => call.method === 'chat.postMessage' && call.ok).length;
    let last = -1;
    while (sent() < total && Date.now() - started < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const now = sent();
      if (Math.floor(now / 1000) !== Math.floor(last / 1000)) progress(`delivered ${now} / ${total}`);
      if (
        profile &&
        Math.floor((Date.now() - started) / 30_000) !== Math.floor((Date.now() - started - 1_000) / 30_000)
      ) {
        progress(`sent ${now}; db: ${profile()}`);
      }
      last = now;
    }
    // A little longer, so a duplicate sent late would still be counted.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await scheduling.stop();

    const posts = fake.calls.filter((call) => call.method === 'chat.postMessage' && call.ok);
    const perInteraction = new Map<string, number>();
    for (const post of posts) {
      const id = /"i\\?":\\?"([^"\\]+)/.exec(JSON.stringify(post.args.blocks))?.[1] ?? '?';
      perInteraction.set(id, (perInteraction.get(id) ?? 0) + 1);
    }
    const delivered = interactions.filter((interaction) => perInteraction.has(interaction.id)).length;
    const lastPost = posts.reduce((max, post) => Math.max(max, post.time), started);
    const seconds = (lastPost - started) / 1000;
    const achieved = seconds > 0 ? delivered / seconds : 0;
    const result: SchedulerBenchResult = {
      reminders: total,
      workspaces,
      server,
      allowedRatePerSecond,
      seedSeconds,
      secondsToDeliverAll: round(seconds, 1),
      delivered,
      duplicates: posts.length - perInteraction.size,
      losses: total - delivered,
      achievedRatePerSecond: round(achieved, 1),
      achievedFractionOfAllowed: round(achieved / allowedRatePerSecond, 3),
      rateLimitedResponses: fake.calls.filter((call) => call.status === 429).length,
      failedSends: Object.fromEntries(failures),
      target: { fractionMin: 0.8, duplicates: 0, losses: 0 },
      pass: false,
    };
    result.pass = result.duplicates === 0 && result.losses === 0 && result.achievedFractionOfAllowed >= 0.8;
    return result;
  } finally {
    await fake.close();
    await database.connection.dropDatabase().catch(() => {});
    await database.close();
    await stopServer();
  }
}

/** BENCH_PROFILE=1: the slowest command kinds so far (count, total seconds). */
function profileCommands(database: Database): () => string {
  const started = new Map<number, [string, number]>();
  const totals = new Map<string, [number, number]>();
  const client = database.connection.getClient();
  client.on('commandStarted', (event) => {
    const collection = event.command[event.commandName];
    started.set(event.requestId, [`${event.commandName} ${String(collection)}`, Date.now()]);
  });
  client.on('commandSucceeded', (event) => {
    const start = started.get(event.requestId);
    if (!start) return;
    started.delete(event.requestId);
    const total = totals.get(start[0]) ?? [0, 0];
    totals.set(start[0], [total[0] + 1, total[1] + Date.now() - start[1]]);
  });
  return () =>
    [...totals.entries()]
      .sort((a, b) => b[1][1] - a[1][1])
      .slice(0, 8)
      .map(([name, [count, ms]]) => `${name} ×${count} ${round(ms / 1000, 1)}s`)
      .join('; ');
}

const intFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSchedulerBench({
    reminders: intFromEnv('BENCH_REMINDERS', 10_000),
    workspaces: intFromEnv('BENCH_WORKSPACES', 50),
    ratePerWorkspace: {
      limit: intFromEnv('BENCH_RATE_LIMIT', 1),
      windowMs: intFromEnv('BENCH_RATE_WINDOW_MS', 1_000),
    },
    ...(process.env.BENCH_BASE_URI ? { baseUri: process.env.BENCH_BASE_URI } : {}),
  })
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      // agenda's lock watchdog sleeps up to half a lock lifetime before it notices the end.
      process.exit(result.pass ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error('scheduler bench failed:', error);
      process.exitCode = 1;
    });
}
