import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { inject } from 'vitest';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { createSlackReportPublisher } from '../../../src/adapters/slack/notifiers/slack-report-publisher.js';
import { type Container, createContainer, storageOf } from '../../../src/app/container.js';
import {
  type PreparedScheduling,
  prepareScheduling,
  type Scheduling,
  type SchedulingOptions,
  startScheduling,
} from '../../../src/app/worker.js';
import type {
  DeliveryOutcome,
  DeliveryPolicy,
  PendingDelivery,
} from '../../../src/core/deliveries/delivery.js';
import type { ReminderNotifier } from '../../../src/core/followups/reminder-delivery.js';
import type { ReportPublisher } from '../../../src/core/reports/report-delivery.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { silentLogger, systemClock } from '../../../src/core/shared/ports.js';
import type { Workspace, WorkspaceSettings } from '../../../src/core/workspaces/workspace.js';
import type { AgendaFollowUpScheduler } from '../../../src/infra/jobs/agenda-follow-up-scheduler.js';
import { connect, type Database } from '../../../src/infra/mongo/database.js';
import type { CommandMonitor } from '../../../src/infra/mongo/guard/command-monitor.js';
import { createSqliteScheduling } from '../../../src/infra/sqlite/jobs/index.js';
import { FAKE_DEFAULTS, type FakeSlack, webClientFor } from '../../slack/fake-slack/index.js';
import { makeClock, makeWorkspace, type TestClock } from '../../support/fixtures.js';
import { createJobsFile, type JobsFile } from './sqlite-jobs-file.js';

export const ALICE = FAKE_DEFAULTS.users.alice;
export const BOB = FAKE_DEFAULTS.users.bob;

/** Short everything: agenda polls every 100 ms, sweeps every 200 ms, retries after 1 s of core time. */
export const TEST_POLICY: Partial<DeliveryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
  staleAfterMs: 60_000,
  lateAfterMs: 10 * 60_000,
};

export function slackClients(fake: FakeSlack, tokens: Record<string, string> = {}) {
  return async (workspaceId: string): Promise<WebClient> =>
    webClientFor(fake, tokens[workspaceId] ?? FAKE_DEFAULTS.token, {
      retryConfig: { retries: 3, minTimeout: 10 },
    });
}

/** Where the worker's jobs live: agenda on the test database, or a SQLite file beside it. */
export type JobEngine = 'agenda' | 'sqlite';
export const JOB_ENGINES: JobEngine[] = ['agenda', 'sqlite'];

export interface Worker {
  runner: PreparedScheduling['runner'];
  scheduler: PreparedScheduling['scheduler'];
  /** The agenda reminder queue, for tests of agenda's own job documents (agenda engine only). */
  agendaQueue?: AgendaFollowUpScheduler;
  container: Container;
  scheduling: Scheduling;
  stop(): Promise<void>;
}

export interface WorkerSetup {
  clock: TestClock;
  notifier?: ReminderNotifier;
  publisher?: ReportPublisher;
  mode?: SchedulingOptions['mode'];
  policy?: Partial<DeliveryPolicy>;
  lockLifetimeMs?: number;
  name?: string;
  /** Default agenda. */
  engine?: JobEngine;
}

/** One SQLite jobs file per test database: every worker on that database (any connection) shares it. */
const jobsFiles = new Map<string, JobsFile>();

/** Closes and deletes the SQLite jobs files of this test file's workers (afterAll). */
export function disposeJobsFiles(): void {
  for (const file of jobsFiles.values()) file.dispose();
  jobsFiles.clear();
}

/**
 * The worker's runner and reminder queue. Like agenda, the SQLite runner runs on wall time (its
 * sweeps repeat by themselves); reminders are due by the core's test clock, read by the dispatcher.
 */
function prepareEngine(
  db: Database,
  setup: WorkerSetup,
): PreparedScheduling & { agendaQueue?: AgendaFollowUpScheduler } {
  const name = setup.name ?? 'test-worker';
  if (setup.engine === 'sqlite') {
    let file = jobsFiles.get(db.connection.name);
    if (!file) {
      file = createJobsFile();
      jobsFiles.set(db.connection.name, file);
    }
    const { runner, scheduler } = createSqliteScheduling(file.open(), {
      clock: systemClock,
      logger: silentLogger,
      pollEveryMs: 100,
      name,
    });
    return { runner, scheduler };
  }
  const { runner, scheduler } = prepareScheduling(db, { logger: silentLogger, processEvery: 100, name });
  return { runner, scheduler, agendaQueue: scheduler };
}

/** One worker process: its own agenda on the given database, the fake Slack as the platform. */
export async function startWorker(db: Database, fake: FakeSlack, setup: WorkerSetup): Promise<Worker> {
  const { runner, scheduler, agendaQueue } = prepareEngine(db, setup);
  const container = createContainer(db, { logger: silentLogger, clock: setup.clock, scheduler });
  const clientFor = slackClients(fake);
  const scheduling = await startScheduling(container, {
    mode: setup.mode ?? 'in-process',
    runner,
    scheduler,
    notifier: setup.notifier ?? createSlackReminderNotifier({ clientFor, logger: silentLogger }),
    publisher: setup.publisher ?? createSlackReportPublisher({ clientFor, logger: silentLogger }),
    policy: { ...TEST_POLICY, ...setup.policy },
    planEveryMs: 200,
    retryEveryMs: 200,
    dispatchEveryMs: 200,
    lockLifetimeMs: setup.lockLifetimeMs ?? 10 * 60_000,
    drainTimeoutMs: 5_000,
  });
  return {
    runner,
    scheduler,
    ...(agendaQueue ? { agendaQueue } : {}),
    container,
    scheduling,
    stop: () => scheduling.stop(),
  };
}

/** What tests look at: the final outcome if there is one, else the pending record. */
export type DeliveryView =
  | (DeliveryOutcome & { pending?: undefined })
  | (PendingDelivery & { pending: true; reason?: undefined; late?: undefined; permanent?: undefined });

export async function deliveryState(worker: Worker, id: string): Promise<DeliveryView | null> {
  const outcome = (await worker.scheduling.deliveries.findOutcomes([id])).get(id);
  if (outcome) return outcome;
  const pending = await worker.scheduling.deliveries.findPending(id);
  return pending ? { ...pending, pending: true } : null;
}

/** A second connection to the same database, as a second process would have. */
export async function secondConnection(db: Database, monitor: CommandMonitor): Promise<Database> {
  const other = await connect(`${inject('mongoBaseUri')}${db.connection.name}`, {
    logger: silentLogger,
    monitorCommands: true,
  });
  monitor.attach(other.connection.getClient());
  return other;
}

export interface SlackTenant {
  workspace: Workspace;
  alice: Actor;
  bob: Actor;
}

/** A workspace whose members are the fake Slack's Alice (owner) and Bob (member). */
export async function seedSlackTenant(
  container: Container,
  settings: Partial<WorkspaceSettings> = {},
): Promise<SlackTenant> {
  const base = makeWorkspace({ name: `ws-${randomBytes(3).toString('hex')}` });
  const workspace = await storageOf(container).repositories.workspaces.insertOrGet({
    ...base,
    settings: { ...base.settings, ...settings },
  });
  const member = (userId: string, role: Actor['role'], displayName: string): Actor => ({
    workspaceId: workspace.id,
    userId,
    role,
    displayName,
  });
  const alice = member(ALICE, 'owner', 'Alice Martin');
  const bob = member(BOB, 'member', 'Bob Smith');
  for (const who of [alice, bob]) {
    const at = container.clock.now();
    await storageOf(container).repositories.members.insertOrGet({
      workspaceId: workspace.id,
      userId: who.userId,
      role: who.role,
      displayName: who.displayName ?? who.userId,
      createdAt: at,
      updatedAt: at,
    });
  }
  return { workspace, alice, bob };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock on today's wall time: agenda runs on real time, the core on this controllable one. */
export function wallClock(): TestClock {
  return makeClock(new Date());
}
