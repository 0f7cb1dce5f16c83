import type { ClaimRepository } from './idempotency.port.js';

/**
 * A claim for work whose holder may die without releasing it (a crash mid-export): it holds
 * for `holdMs` from when it was made, and after that the next caller takes it over. The
 * stale claim is deleted only if it is still the old one, so of two callers arriving after
 * the deadline exactly one wins, as with any claim.
 */
export async function claimWithDeadline(
  claims: Pick<ClaimRepository, 'claim' | 'releaseIfClaimedBefore'>,
  claim: { scope: string; key: string; workspaceId: string },
  now: Date,
  holdMs: number,
): Promise<boolean> {
  const { scope, key, workspaceId } = claim;
  if (await claims.claim(scope, key, workspaceId, now)) return true;
  const lapsedBefore = new Date(now.getTime() - holdMs);
  if (!(await claims.releaseIfClaimedBefore(scope, key, workspaceId, lapsedBefore))) return false;
  return claims.claim(scope, key, workspaceId, now);
}
