import { createContactService } from '../core/contacts/contact.service.js';
import { createExportService } from '../core/exports/export.service.js';
import { createFollowUpService } from '../core/followups/follow-up.service.js';
import { type FollowUpScheduler, noopFollowUpScheduler } from '../core/followups/follow-up-scheduler.port.js';
import { createInteractionService } from '../core/interactions/interaction.service.js';
import { createReportService } from '../core/reports/report.service.js';
import { type Clock, type IdGenerator, type Logger, systemClock } from '../core/shared/ports.js';
import { journalingWrites } from '../core/shared/write-outcome.js';
import { createWorkspaceService } from '../core/workspaces/workspace.service.js';
import { announcingWorkspaceWrites, createWorkspaceChanges } from '../core/workspaces/workspace-changes.js';
import { createCsvEncoder } from '../infra/csv/csv-encoder.js';
import { timeOrderedIds } from '../infra/ids.js';
import type { Database } from '../infra/mongo/database.js';
import { isMongoStorage, mongoStore } from '../infra/mongo/open-mongo-store.js';
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
 * ports. main.ts, the CLI, the bench and the Slack/Teams adapters all build one of these from
 * a Storage (openStorage picks the engine). A bare MongoDB `Database` is still accepted while
 * callers move over; it is wrapped in the MongoDB store.
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

  return {
    storage,
    /**
     * The MongoDB connection, only for the agenda-based scheduling (app/worker.ts,
     * app/start-scheduling.ts) until scheduled work runs on the ports too. On SQLite there is
     * none: asking for it is a wiring mistake, said loudly.
     */
    get database(): Database {
      if (!isMongoStorage(storage)) {
        throw new Error('Scheduled work needs the MongoDB store; this container runs on SQLite.');
      }
      return storage.database;
    },
    clock,
    ids,
    logger,
    workspaceChanges,
    repositories,
    workspaces: createWorkspaceService(base),
    contacts: createContactService(base),
    interactions: createInteractionService({ ...base, scheduler }),
    followUps: createFollowUpService({ ...base, scheduler }),
    exports: createExportService({ ...base, csv: createCsvEncoder() }),
    reports: createReportService(base),
  };
}

export type Container = ReturnType<typeof createContainer>;
