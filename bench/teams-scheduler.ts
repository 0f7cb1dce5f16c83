import { performance } from 'node:perf_hooks';
import { createContainer, storageOf } from '../src/app/container.js';
import { openScheduling } from '../src/app/open-scheduling.js';
import { type PlatformSenders, routeByPlatform } from '../src/app/platform-delivery.js';
import { startScheduling } from '../src/app/worker.js';
import type { FollowUpReminder } from '../src/core/followups/follow-up-scheduler.port.js';
import { silentLogger, systemClock } from '../src/core/shared/ports.js';
import type { Workspace } from '../src/core/workspaces/workspace.js';
import type { Storage } from '../src/infra/storage.js';
import { progress, round } from './support.js';
import {
  allowedRate,
  CONVERSATIONS,
  REMINDERS,
  reminderBatch,
  SEND_CONCURRENCY,
  saveRefs,
} from './teams-proactive.js';
import { benchUsers, type TeamsLoad, tally } from './teams-support.js';

const TIMEOUT_MS = 5 * 60_000;

/**
 * The same N reminders through the real delivery path, as the scheduler bench does for Slack:
 * follow-ups stored and queued with the agenda scheduler, all due at once, then one worker
 * (`startScheduling`, mode 'only') with the platform-routed notifier sends them to the stored
 * personal chats. Reports the time to deliver all (polled every 100 ms at the fake connector),
 * the rate, and duplicates / losses after a few more dispatcher sweeps.
 */
export async function teamsSchedulerBench(
  load: TeamsLoad,
  storage: Storage,
  workspace: Workspace,
  senders: PlatformSenders,
) {
  const jobs = openScheduling(storage, { logger: silentLogger, pollEveryMs: 1_000 });
  const { runner, scheduler } = jobs;
  const container = createContainer(storage, { logger: silentLogger, clock: systemClock, scheduler });
  const users = benchUsers(6, CONVERSATIONS, 'rem-sched');
  await load.register(users);
  await saveRefs(container, workspace.id, load.serviceUrl, users);
  const dueAt = new Date(Date.now() + 2_000);
  const interactions = reminderBatch(workspace.id, 's', users, dueAt).map(({ interaction }) => interaction);
  const expectedIds = interactions.map((interaction) => interaction.id);
  await storageOf(container).repositories.interactions.insertMany(interactions);
  const reminders: FollowUpReminder[] = interactions.map((interaction) => ({
    workspaceId: interaction.workspaceId,
    interactionId: interaction.id,
    eventId: interaction.eventId,
    assigneeId: interaction.followUp.assigneeId,
    fireAt: interaction.followUp.dueAt,
  }));
  await scheduler.schedule(reminders);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt.getTime() - Date.now())));

  const conversations = users.map((user) => user.conversation);
  const routed = routeByPlatform(storageOf(container).repositories.workspaces, { teams: senders });
  progress(`teams: ${REMINDERS} due reminders → startScheduling with the routed notifier`);
  const started = performance.now();
  const startedAt = performance.timeOrigin + started;
  const scheduling = await startScheduling(container, {
    mode: 'only',
    runner,
    scheduler,
    notifier: routed.notifier,
    publisher: routed.publisher,
    dispatchEveryMs: 1_000,
    reminderConcurrency: SEND_CONCURRENCY,
  });
  let delivered = 0;
  let seconds = Number.NaN;
  try {
    while (performance.now() - started < TIMEOUT_MS) {
      delivered = (await tally(load, conversations, expectedIds)).delivered;
      if (delivered >= REMINDERS) {
        seconds = (performance.now() - started) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // A few more sweeps, so a duplicate sent late would still be counted.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  } finally {
    await scheduling.stop();
    await jobs.close();
  }
  const { spanSeconds, firstAt, ...counted } = await tally(load, conversations, expectedIds);
  const allowed = allowedRate();
  const fraction = allowed.fastestSecondsForAll / spanSeconds;
  return {
    path: `startScheduling (${storage.engine === 'sqlite' ? 'SQLite job runner' : 'agenda'} dispatcher, exactly-once deliveries) → routeByPlatform → Teams notifier`,
    reminders: REMINDERS,
    conversations: CONVERSATIONS,
    reminderConcurrency: SEND_CONCURRENCY,
    /** Start-up: agenda's first poll and the dispatcher's first, deliberately small, batch. */
    secondsToFirstDelivery: round(((firstAt ?? startedAt) - startedAt) / 1000, 2),
    /** Polled every 250 ms. */
    secondsToDeliverAll: round(seconds, 2),
    /** First to last message at the connector: the throughput figure, like the allowed schedule's. */
    secondsFirstToLast: round(spanSeconds, 2),
    sendsPerSecond: round(counted.delivered / spanSeconds, 1),
    fractionOfAllowed: round(fraction, 3),
    ...counted,
    target: { fractionMin: 0.8, duplicates: 0, losses: 0 },
    withinTarget: fraction >= 0.8 && counted.duplicates === 0 && counted.losses === 0,
  };
}
