/**
 * Exactly-once claims: a unique-index insert that succeeds for exactly one caller
 * (insertOne + duplicate-key 11000 on both MongoDB and FerretDB; never an upsert).
 */
export interface ClaimRepository {
  /** true when this call made the claim, false when someone already holds it. */
  claim(scope: string, key: string, workspaceId: string, now: Date): Promise<boolean>;
  release(scope: string, key: string, workspaceId: string): Promise<void>;
  /** Deletes this claim only if it was made before `cutoff`; true when it did. */
  releaseIfClaimedBefore(scope: string, key: string, workspaceId: string, cutoff: Date): Promise<boolean>;
  /** Deletes the workspace's claims made before `cutoff` (the expiry sweep); resolves to how many. */
  deleteClaimedBefore(workspaceId: string, cutoff: Date): Promise<number>;
}
