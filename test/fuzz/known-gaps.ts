import type { Exchange, InvariantName } from './verdicts.js';

/**
 * Violations the current code is known to commit, each tied to the fix that removes it. The
 * CI-size run tolerates exactly these (they are still counted and printed as `knownGaps`);
 * anything else fails. Empty this list once the fixes are in: the suite then holds them.
 */
export interface KnownGap {
  name: string;
  reason: string;
  invariant: InvariantName;
  matches(exchange: Exchange): boolean;
}

export const KNOWN_GAPS: readonly KnownGap[] = [];

export function knownGapOf(exchange: Exchange, invariant: InvariantName): KnownGap | undefined {
  return KNOWN_GAPS.find((gap) => gap.invariant === invariant && gap.matches(exchange));
}
