import type { ClaimRepository } from './idempotency.port.js';
import { claimWithDeadline } from './lapsing-claim.js';
import type { Clock } from './ports.js';

/**
 * Whose claim it is: the actor's workspace, or for a platform event that arrives without a
 * tenant (Slack's app_uninstalled, tokens_revoked) `platform:externalId` (see claim-sweep.ts).
 * Any role may claim: a viewer's double click is deduplicated like anyone's.
 */
export interface ClaimOwner {
  workspaceId: string;
}

export interface ExactlyOnceDeps {
  claims: ClaimRepository;
  clock: Clock;
}

/**
 * Exactly-once for what the adapters receive twice (platform retries, double clicks, a modal
 * submitted again): the first caller of a (scope, key) in a workspace gets true, every later one
 * false, until the claim is released or swept. Adapters claim through this, never the store.
 */
export function createExactlyOnceService(deps: ExactlyOnceDeps) {
  const { claims, clock } = deps;
  return {
    /** true when this call made the claim, false when someone already holds it. */
    claim(owner: ClaimOwner, scope: string, key: string): Promise<boolean> {
      return claims.claim(scope, key, owner.workspaceId, clock.now());
    },

    /** Gives the claim up, so the next attempt (a retry, a corrected form) does the work. */
    release(owner: ClaimOwner, scope: string, key: string): Promise<void> {
      return claims.release(scope, key, owner.workspaceId);
    },

    /**
     * A claim whose holder may die without releasing it (a crash mid-export): after `holdMs`
     * the next caller takes it over.
     */
    claimUntil(owner: ClaimOwner, scope: string, key: string, holdMs: number): Promise<boolean> {
      return claimWithDeadline(claims, { scope, key, workspaceId: owner.workspaceId }, clock.now(), holdMs);
    },
  };
}

export type ExactlyOnceService = ReturnType<typeof createExactlyOnceService>;
