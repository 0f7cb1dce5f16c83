import type { WorkspaceIdentity, WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import type { ClaimRepository } from './idempotency.port.js';
import type { Clock, Logger } from './ports.js';

/**
 * How long an exactly-once claim is kept: a week. A claim only has to outlive the duplicates it
 * stops. Slack retries an event or a command within minutes, and double clicks and repeated
 * submissions come within seconds; the longest-lived thing a claim guards is a modal (claims by
 * view id), which a user may leave open for days before submitting it again. A week covers that
 * with room to spare while keeping the collection at a few days of traffic.
 */
export const DEFAULT_CLAIM_RETENTION_MS = 7 * 24 * 60 * 60_000;

export interface ClaimSweepDeps {
  claims: Pick<ClaimRepository, 'deleteClaimedBefore'>;
  workspaces: Pick<WorkspaceRepository, 'listIdentities'>;
  clock: Clock;
  logger: Logger;
  /** Claims older than this are deleted. Default DEFAULT_CLAIM_RETENTION_MS. */
  retentionMs?: number;
}

export interface ClaimSweepResult {
  deleted: number;
  /** Workspaces whose delete failed; they are swept again by the next run. */
  failed: number;
}

/**
 * The keys a workspace's claims are filed under: its id, and for platform events that arrive
 * without a tenant (Slack's app_uninstalled, tokens_revoked) `platform:externalId`, as
 * adapters/slack/listeners/events/event-dedupe.ts writes them.
 */
function claimKeysOf(workspace: WorkspaceIdentity): string[] {
  return [workspace.id, `${workspace.platform}:${workspace.externalId}`];
}

/**
 * The expiry of exactly-once claims (idempotency.port.ts), run daily by a job. Not a TTL index
 * (FerretDB has none, mongodb-subset.md rule 8), and one delete per workspace because claims
 * are tenant data: every query on them is scoped by workspaceId. Deleting is idempotent, so two
 * workers sweeping at once, or a sweep cut short, do no harm.
 */
export function createClaimSweep(deps: ClaimSweepDeps) {
  const retentionMs = deps.retentionMs ?? DEFAULT_CLAIM_RETENTION_MS;
  // A zero or negative retention would delete live claims and let duplicates through.
  if (!(retentionMs > 0)) throw new Error('The claim retention must be a positive duration');

  return {
    async sweep(): Promise<ClaimSweepResult> {
      const cutoff = new Date(deps.clock.now().getTime() - retentionMs);
      let deleted = 0;
      let failed = 0;
      for (const workspace of await deps.workspaces.listIdentities()) {
        try {
          for (const key of claimKeysOf(workspace)) {
            deleted += await deps.claims.deleteClaimedBefore(key, cutoff);
          }
        } catch (error) {
          // One workspace's failure does not stop the others'; the next sweep tries it again.
          failed++;
          deps.logger.error('Sweeping expired claims failed', {
            workspaceId: workspace.id,
            error: String(error),
          });
        }
      }
      if (deleted > 0 || failed > 0) {
        deps.logger.info('Expired claims swept', { deleted, failed, cutoff: cutoff.toISOString() });
      }
      return { deleted, failed };
    },
  };
}

export type ClaimSweep = ReturnType<typeof createClaimSweep>;
