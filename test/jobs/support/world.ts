import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { createSlackReportPublisher } from '../../../src/adapters/slack/notifiers/slack-report-publisher.js';
import { type Container, createContainer, storageOf } from '../../../src/app/container.js';
import { openScheduling } from '../../../src/app/open-scheduling.js';
import {
  type PreparedScheduling,
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
import { AgendaFollowUpScheduler } from '../../../src/infra/jobs/agenda-follow-up-scheduler.js';
import type { Storage } from '../../../src/infra/storage.js';
import { FAKE_DEFAULTS, type FakeSlack, webClientFor } from '../../slack/fake-slack/index.js';
import { ENGINES, type EngineHandle } from '../../support/engines.js';
import { makeClock, makeWorkspace, type TestClock } from '../../support/fixtures.js';
import { type ObservedRunner, observedRunner } from './observed-runner.js';

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

/** Where the worker's jobs live: they follow the store, agenda on MongoDB, the jobs table on SQLite. */
export type JobEngine = 'agenda' | 'sqlite';
export const JOB_ENGINES: JobEngine[] = ['agenda', 'sqlite'];

/**
 * A fresh store for this describe block on the engine whose jobs are under test: agenda jobs
 * with the MongoDB repositories (the run's FerretDB), SQLite jobs with the SQLite repositories
 * (a temp file, so a second connection, as a second process, sees the same data).
 */
export function useJobStore(engine: JobEngine): EngineHandle {
  const name = engine === 'sqlite' ? 'sqlite' : 'mongodb';
  const found = ENGINES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No ${name} engine`);
  return found.use();
}

export interface Worker {
  /** The store's runner, observed: when runs finish, for "nothing else was sent" checks. */
  runner: ObservedRunner;
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
}

/**
 * One worker process on `storage`, its jobs on the store's engine as the app opens them
 * (open-scheduling.ts), the fake Slack as the platform. Like agenda, the SQLite runner runs on
 * wall time (its sweeps repeat by themselves); reminders are due by the core's test clock,
 * read by the dispatcher.
 */
export async function startWorker(storage: Storage, fake: FakeSlack, setup: WorkerSetup): Promise<Worker> {
  const opened = openScheduling(storage, {
    logger: silentLogger,
    clock: systemClock,
    pollEveryMs: 100,
    name: setup.name ?? 'test-worker',
  });
  const runner = observedRunner(opened.runner);
  const { scheduler } = opened;
  const container = createContainer(storage, { logger: silentLogger, clock: setup.clock, scheduler });
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
    ...(scheduler instanceof AgendaFollowUpScheduler ? { agendaQueue: scheduler } : {}),
    container,
    scheduling,
    async stop() {
      await scheduling.stop();
      await opened.close();
    },
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
