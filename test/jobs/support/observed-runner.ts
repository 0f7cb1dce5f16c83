import type { JobName } from '../../../src/infra/jobs/job-names.js';
import type { JobRunner } from '../../../src/infra/jobs/job-runner.js';

/**
 * The worker's own runner, telling the test when job runs finish, so "nothing else happened"
 * is checked after work the test can name (one more dispatch sweep, the crashed send's end)
 * rather than after a guessed number of milliseconds.
 */
export interface ObservedRunner extends JobRunner {
  /** Settles once a run of `name` that starts after this call has finished. */
  nextRunOf(name: JobName): Promise<void>;
  /** Settles once no job run is in progress in this worker. */
  idle(): Promise<void>;
  /** Job runs in progress in this worker now. */
  inProgress(): number;
}

export function observedRunner(runner: JobRunner): ObservedRunner {
  const running = new Set<Promise<void>>();
  const waitingFor = new Map<JobName, Array<() => void>>();
  return {
    define(name, handler, options) {
      runner.define(
        name,
        async (job) => {
          // Only waiters registered before this run started are told when it ends.
          const waiters = waitingFor.get(name) ?? [];
          waitingFor.delete(name);
          const run = handler(job);
          const settled = run.then(
            () => {},
            () => {},
          );
          running.add(settled);
          try {
            await run;
          } finally {
            running.delete(settled);
            for (const wake of waiters) wake();
          }
        },
        options,
      );
    },
    every: (intervalMs, name) => runner.every(intervalMs, name),
    schedule: (when, name, data, options) => runner.schedule(when, name, data, options),
    cancel: (name, fields) => runner.cancel(name, fields),
    start: () => runner.start(),
    stop: (drainTimeoutMs) => runner.stop(drainTimeoutMs),
    nextRunOf(name) {
      return new Promise<void>((resolve) => {
        waitingFor.set(name, [...(waitingFor.get(name) ?? []), resolve]);
      });
    },
    inProgress: () => running.size,
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
