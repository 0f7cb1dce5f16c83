import type { ClaimSweep } from '../../../core/shared/claim-sweep.js';
import { JobName } from '../job-names.js';
import type { JobRunner } from '../job-runner.js';

/** The daily claim expiry: deletes exactly-once claims past their retention, workspace by workspace. */
export function defineSweepExpiredClaimsJob(runner: JobRunner, deps: { claims: ClaimSweep }): void {
  runner.define(
    JobName.sweepExpiredClaims,
    async () => {
      await deps.claims.sweep();
    },
    // Many workspaces may take a while; a sweep taken over by another worker is harmless.
    { concurrency: 1, lockLifetimeMs: 30 * 60_000 },
  );
}
