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

const ANSWER_INVARIANTS: readonly InvariantName[] = ['unanswered', 'http-5xx', 'unexpected-error'];

const gap = (name: string, reason: string, matches: (exchange: Exchange) => boolean): KnownGap[] =>
  ANSWER_INVARIANTS.map((invariant) => ({ name, reason, invariant, matches }));

export const KNOWN_GAPS: readonly KnownGap[] = [
  ...gap(
    'slack-forged-ids',
    'A block action or options request whose action_id the app never rendered matches no listener: Bolt answers 404 and the person sees nothing (the parse step should answer "that form could not be read").',
    (exchange) => exchange.platform === 'slack' && exchange.inputClass.includes('forged-id'),
  ),
  {
    name: 'slack-line-replay-silent',
    reason:
      'A one-line log redelivered after the process died between its write and its reply is recognised (no duplicate) but answered with nothing, so the person never learns it was logged (src/adapters/slack/listeners/commands/handlers/log-line.ts returns on "replayed").',
    invariant: 'unanswered',
    matches: (exchange) => exchange.inputClass === 'command:redelivered-after-kill',
  },
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
