import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Connection } from 'mongoose';
import type { Logger } from '../../core/shared/ports.js';
import { COLLECTIONS } from '../mongo/indexes.js';

export type { Agenda } from 'agenda';

export interface AgendaSetup {
  /** Jobs collection; default agendaJobs (the reminder queue has its own, see reminder-queue.ts). */
  collection?: string;
  /** How often each worker polls for due jobs (ms). Default 5 s; tests use ~100 ms. */
  processEvery?: number;
  /** Jobs this process runs at once, all job names together. */
  maxConcurrency?: number;
  /** Shown in agenda's lastModifiedBy: which worker locked a job. */
  name?: string;
  logger: Logger;
}

/**
 * An agenda instance on the app's own database (the mongoose connection's MongoClient), with
 * polling only: the change-stream channel is not portable (FerretDB has no change streams).
 * Indexes come from INDEXES (ensureIndex: false), so the portability guard sees every one and
 * a failing createIndex can never reject inside agenda's constructor.
 */
export function createAgenda(connection: Connection, setup: AgendaSetup): Agenda {
  const backend = new MongoBackend({
    mongo: connection.getClient().db(connection.name),
    collection: setup.collection ?? COLLECTIONS.agendaJobs,
    ensureIndex: false,
  });
  const agenda = new Agenda({
    backend,
    processEvery: setup.processEvery ?? 5_000,
    maxConcurrency: setup.maxConcurrency ?? 50,
    ...(setup.name ? { name: setup.name } : {}),
    // Completed one-off jobs are deleted; repeating sweeps stay.
    removeOnComplete: true,
  });
  agenda.on('error', (error: Error) => setup.logger.error('Job scheduler error', { error: String(error) }));
  agenda.on('fail', (error: Error, job: { attrs: { name: string } }) =>
    setup.logger.warn('Job failed', { job: job.attrs.name, error: String(error) }),
  );
  return agenda;
}

/** Counts running jobs from agenda's events, so a stop can wait for them without a query. */
export function trackRunning(agenda: Agenda): { idle(timeoutMs: number): Promise<boolean> } {
  let running = 0;
  const waiters = new Set<() => void>();
  agenda.on('start', () => {
    running++;
  });
  agenda.on('complete', () => {
    running = Math.max(0, running - 1);
    if (running === 0) for (const wake of waiters) wake();
  });
  return {
    idle(timeoutMs) {
      if (running === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(value);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(wake);
      });
    },
  };
}
