import { Readable } from 'node:stream';
import { createContactService } from '../core/contacts/contact.service.js';
import { createConversationService } from '../core/deliveries/conversation.service.js';
import { createExportService } from '../core/exports/export.service.js';
import { createFollowUpService } from '../core/followups/follow-up.service.js';
import { type FollowUpScheduler, noopFollowUpScheduler } from '../core/followups/follow-up-scheduler.port.js';
import { createInteractionService } from '../core/interactions/interaction.service.js';
import { createReportService } from '../core/reports/report.service.js';
import { createExactlyOnceService } from '../core/shared/exactly-once.js';
import { type Clock, type IdGenerator, type Logger, systemClock } from '../core/shared/ports.js';
import { journalingWrites } from '../core/shared/write-outcome.js';
import type { UseCases } from '../core/use-cases.js';
import { createWorkspaceService } from '../core/workspaces/workspace.service.js';
import { announcingWorkspaceWrites, createWorkspaceChanges } from '../core/workspaces/workspace-changes.js';
import { readContactCsv } from '../infra/csv/contact-csv-reader.js';
import { createCsvEncoder } from '../infra/csv/csv-encoder.js';
import { timeOrderedIds } from '../infra/ids.js';
import type { Database } from '../infra/mongo/database.js';
import { mongoStore } from '../infra/mongo/open-mongo-store.js';
import type { Storage } from '../infra/storage.js';

export interface ContainerOptions {
  logger: Logger;
  /** Tests pin time and ids; production uses the system clock and time-ordered ids. */
  clock?: Clock;
  ids?: IdGenerator;
  /** Where follow-up reminders are queued; nothing is queued until a scheduler is plugged in. */
  scheduler?: FollowUpScheduler;
}

/**
 * The composition root: the only place that picks concrete implementations for the core's
 * ports. main.ts, the CLI, the bench and the tests build one of these from a Storage
 * (openStorage picks the engine). A bare MongoDB `Database` is still accepted while callers
 * move over; it is wrapped in the MongoDB store.
 *
 * What it returns is what the Slack and Teams adapters see: use cases, clock, ids, logger and
 * the change notices, never a repository or the store (test/architecture/adapter-boundary.test.ts).
 * The rest of the composition root reaches the store through `storageOf`.
 */
export function createContainer(source: Storage | Database, options: ContainerOptions) {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? timeOrderedIds;
  const scheduler = options.scheduler ?? noopFollowUpScheduler;
  const storage: Storage = 'repositories' in source ? source : mongoStore(source);
  // Each write is noted in the request's scope, so a failure can tell "nothing was written"
  // from "it may have been saved" (core/shared/write-outcome.ts).
  const repositories = journalingWrites(storage.repositories);
  // Every cache of settings and roles in this process listens here (see createTenantCache).
  const workspaceChanges = createWorkspaceChanges();
  // The use cases write settings, lists and roles through repositories that announce it.
  const base = {
    ...repositories,
    ...announcingWorkspaceWrites(repositories, workspaceChanges),
    clock,
    ids,
    logger,
  };

  const container: UseCases = {
    clock,
    ids,
    logger,
    workspaceChanges,
    workspaces: createWorkspaceService(base),
    contacts: createContactService({
      ...base,
      contactFiles: (file) => readContactCsv(Readable.from([file])),
    }),
    interactions: createInteractionService({ ...base, scheduler }),
    followUps: createFollowUpService({ ...base, scheduler }),
    exports: createExportService({ ...base, csv: createCsvEncoder() }),
    reports: createReportService(base),
    exactlyOnce: createExactlyOnceService(base),
    conversations: createConversationService({ conversationRefs: storage.conversationRefs }),
  };
  storages.set(container, storage);
  return container;
}

/** The container is the core's use-case surface; adapters name it `UseCases`. */
export type Container = UseCases;

// Keyed by the container object, so the store never shows on its type (adapters see that type).
const storages = new WeakMap<object, Storage>();

/**
 * The store a container was built on, for the rest of the composition root only: the job
 * worker (deliveries, claims, the reminder lookup), the proactive senders (workspaces,
 * conversation refs, Slack installations) and test setup. Adapters get use cases instead.
 */
export function storageOf(container: Container): Storage {
  const storage = storages.get(container);
  if (!storage) throw new Error('This container was not built by createContainer.');
  return storage;
}
