import type { ClaimSweep } from '../../../core/shared/claim-sweep.js';
import type { Agenda } from '../agenda.js';
import { JobName } from '../job-names.js';

/** The daily claim expiry: deletes exactly-once claims past their retention, workspace by workspace. */
export function defineSweepExpiredClaimsJob(agenda: Agenda, deps: { claims: ClaimSweep }): void {
  agenda.define(
    JobName.sweepExpiredClaims,
    async () => {
      await deps.claims.sweep();
    },
    // Many workspaces may take a while; a sweep taken over by another worker is harmless.
    { concurrency: 1, lockLifetime: 30 * 60_000 },
  );
}
