import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/**
 * A view submission claimed by its view id, so a double click on Submit writes once (the second
 * request finds the claim and just closes the modal). The claim is released when the submission
 * is refused, because the user then fixes the same view and submits it again.
 */
export interface SubmissionClaim {
  /** false: another request is handling (or has handled) this very view. */
  acquired: boolean;
  release(): Promise<void>;
}

export async function claimSubmission(
  deps: SlackDeps,
  tenant: Tenant,
  scope: string,
  viewId: string,
): Promise<SubmissionClaim> {
  const { exactlyOnce } = deps.container;
  const acquired = await exactlyOnce.claim(tenant.actor, scope, viewId);
  return {
    acquired,
    release: () => (acquired ? exactlyOnce.release(tenant.actor, scope, viewId) : Promise.resolve()),
  };
}

/** private_metadata as JSON, validated; null when it is not what we wrote. */
export function parseMetadata<T>(raw: string, parse: (value: unknown) => T | null): T | null {
  try {
    return parse(JSON.parse(raw || '{}'));
  } catch {
    return null;
  }
}
