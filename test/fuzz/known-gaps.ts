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

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    name: 'slack-log-shortcut-silent',
    reason:
      'Not yet explained: the global "log" shortcut is now and then acknowledged (HTTP 200) with no modal and no message (seed 41890564 in the small run, 3520411458 in the full run of seed 4242).',
    invariant: 'unanswered',
    matches: (exchange) => exchange.platform === 'slack' && exchange.inputClass === 'shortcut:grammar',
  },
];

export function knownGapOf(exchange: Exchange, invariant: InvariantName): KnownGap | undefined {
  return KNOWN_GAPS.find((gap) => gap.invariant === invariant && gap.matches(exchange));
}
