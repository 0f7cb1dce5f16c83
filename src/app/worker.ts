import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from '../core/deliveries/delivery.js';
import type { DeliveryRepository } from '../core/deliveries/delivery.repository.port.js';
import { createDeliveryRetry, type DeliveryRetry } from '../core/deliveries/delivery-retry.js';
import type { FollowUpScheduler } from '../core/followups/follow-up-scheduler.port.js';
import {
  createReminderDelivery,
  parseReminderRequest,
  type ReminderDelivery,
  type ReminderNotifier,
} from '../core/followups/reminder-delivery.js';
import {
  createReportDelivery,
  parseReportRequest,
  type ReportDelivery,
  type ReportPublisher,
} from '../core/reports/report-delivery.js';
import { type ClaimSweep, createClaimSweep } from '../core/shared/claim-sweep.js';
import type { Clock } from '../core/shared/ports.js';
import { defineDispatchFollowUpRemindersJob } from '../infra/jobs/definitions/dispatch-follow-up-reminders.job.js';
import { definePlanWeeklyReportsJob } from '../infra/jobs/definitions/plan-weekly-reports.job.js';
import { definePostWeeklyReportJob } from '../infra/jobs/definitions/post-weekly-report.job.js';
import { defineRetryDeliveriesJob } from '../infra/jobs/definitions/retry-deliveries.job.js';
import { defineSweepExpiredClaimsJob } from '../infra/jobs/definitions/sweep-expired-claims.job.js';
import { JobName } from '../infra/jobs/job-names.js';
import type { JobRunner } from '../infra/jobs/job-runner.js';
import type { ReminderQueue } from '../infra/jobs/reminder-queue.js';
import { type Container, storageOf } from './container.js';

/** WORKER=on runs jobs inside the bot process; off: a bot without jobs; only: jobs without the bot. */
export type WorkerSetting = 'on' | 'off' | 'only';
export type WorkerMode = 'in-process' | 'only' | 'off';

export function workerMode(setting: WorkerSetting): WorkerMode {
  return setting === 'on' ? 'in-process' : setting;
}

/**
 * What a worker needs from its engine: the runner and the reminder queue the container feeds
 * (open-scheduling.ts builds the pair for the store's engine).
 */
export interface PreparedScheduling {
  runner: JobRunner;
  scheduler: FollowUpScheduler & ReminderQueue;
}

export interface SchedulingOptions {
  mode: WorkerMode;
  /** Runs the jobs: agenda on MongoDB, the table-backed scheduler on SQLite. */
  runner: JobRunner;
  /** The scheduler the container queues reminders with: its jobs are what the dispatcher sends. */
  scheduler: ReminderQueue;
  notifier: ReminderNotifier;
  publisher: ReportPublisher;
  /** Defaults to the container's clock. */
  clock?: Clock;
  policy?: Partial<DeliveryPolicy>;
  /** How often the weekly-report and retry sweeps run (ms). Default one minute each. */
  planEveryMs?: number;
  retryEveryMs?: number;
  /** How often expired exactly-once claims are deleted (ms). Default once a day. */
  claimSweepEveryMs?: number;
  /** How often due reminders are looked for (ms). Default 5 s. */
  dispatchEveryMs?: number;
  /** Reminder DMs in flight at once in this process, and reminders per dispatch batch. */
  reminderConcurrency?: number;
  reminderBatchSize?: number;
  /** A job locked longer than this is presumed abandoned and run by another worker. */
  lockLifetimeMs?: number;
  /** How long stop() waits for running jobs. */
  drainTimeoutMs?: number;
}

export interface Scheduling {
  reminders: ReminderDelivery;
  reports: ReportDelivery;
  retry: DeliveryRetry;
  /** The claim expiry the daily job runs. */
  claimSweep: ClaimSweep;
  /** Delivery records: failures an admin may list (listFailed), and what tests inspect. */
  deliveries: DeliveryRepository;
  stop(): Promise<void>;
}

/**
 * Wires the delivery use cases and, unless mode is 'off', defines the jobs and starts the runner.
 * Exactly-once does not depend on running one worker: every send is claimed first.
 */
export async function startScheduling(container: Container, options: SchedulingOptions): Promise<Scheduling> {
  const { runner, mode } = options;
  const logger = container.logger;
  const clock = options.clock ?? container.clock;
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  // Everything the worker stores goes through the store's ports: it names no engine.
  const storage = storageOf(container);
  const { repositories, deliveries } = storage;

  const reminders = createReminderDelivery({
    interactions: storage.interactionLookup,
    workspaces: repositories.workspaces,
    members: repositories.members,
    deliveries,
    notifier: options.notifier,
    clock,
    logger,
    policy,
    concurrency: options.reminderConcurrency ?? 200,
  });
  const reports = createReportDelivery({
    reports: container.reports,
    exports: container.exports,
    workspaces: repositories.workspaces,
    deliveries,
    publisher: options.publisher,
    clock,
    logger,
    policy,
  });
  const retry = createDeliveryRetry({
    deliveries,
    clock,
    logger,
    handlers: {
      reminder: async (text) => {
        const request = parseReminderRequest(text);
        if (!request) throw new Error('Unreadable reminder request');
        await reminders.deliver(request);
      },
      report: async (text) => {
        const request = parseReportRequest(text);
        if (!request) throw new Error('Unreadable report request');
        await reports.deliverScheduled(request);
      },
    },
  });

  const claimSweep = createClaimSweep({
    claims: repositories.claims,
    workspaces: repositories.workspaces,
    clock,
    logger,
  });

  const base = { reminders, reports, retry, claimSweep, deliveries };
  if (mode === 'off') {
    return { ...base, stop: async () => {} };
  }

  const lockLifetimeMs = options.lockLifetimeMs ?? 10 * 60_000;
  defineDispatchFollowUpRemindersJob(
    runner,
    { reminders, queue: options.scheduler, clock, logger },
    {
      batchSize: options.reminderBatchSize ?? 1_000,
      perWorkspace: 20,
      lanes: 2,
      budgetMs: 5 * 60_000,
      lockLifetimeMs,
    },
  );
  definePostWeeklyReportJob(runner, { reports, logger }, { lockLifetimeMs });
  definePlanWeeklyReportsJob(runner, { reports, logger });
  defineRetryDeliveriesJob(runner, { retry });
  defineSweepExpiredClaimsJob(runner, { claims: claimSweep });

  await runner.start();
  // Repeating sweeps (one stored job each, however many workers start).
  await runner.every(options.dispatchEveryMs ?? 5_000, JobName.dispatchFollowUpReminders);
  await runner.every(options.planEveryMs ?? 60_000, JobName.planWeeklyReports);
  await runner.every(options.retryEveryMs ?? 60_000, JobName.retryDeliveries);
  // Daily, counted from the first start (an existing job keeps its next run across restarts).
  await runner.every(options.claimSweepEveryMs ?? 24 * 60 * 60_000, JobName.sweepExpiredClaims);
  logger.info('Job worker started', { mode });

  return {
    ...base,
    async stop() {
      // Stop polling and release queued jobs first, then let running sends finish. A send cut
      // short is recovered by the retry sweep of another (or the next) worker.
      const idle = await runner.stop(options.drainTimeoutMs ?? 30_000);
      if (!idle) logger.warn('Job worker stopped with jobs still running');
    },
  };
}
