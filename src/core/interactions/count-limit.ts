import { foldForSearch } from '../shared/text.js';
import type { InteractionFilter } from './interaction-filter.js';

/**
 * How far a list counts when it searches the descriptions' text: past this many matches the
 * list says "more than 1,000" instead of the exact figure. Counting every match of a common
 * word means reading every candidate's description (72 ms for 15,000 matches in a year of a
 * million interactions, on every list and on every page that is not the first), for a figure
 * nobody reads past "a lot"; stopping at the first 1,001 bounds that work. Filters without
 * text are counted exactly: their counts come from an index alone.
 */
export const TEXT_COUNT_LIMIT = 1_000;

/** The count limit for this filter, or undefined to count every match. */
export function countLimitFor(filter: InteractionFilter): number | undefined {
  return filter.text && foldForSearch(filter.text) ? TEXT_COUNT_LIMIT : undefined;
}

/** A count that may have stopped: `moreThan` means more than `total` match. */
export interface CountResult {
  total: number;
  moreThan: boolean;
}

/** What the repository's answer (counted up to limit + 1) says. */
export function countResult(counted: number, limit: number | undefined): CountResult {
  return limit !== undefined && counted > limit
    ? { total: limit, moreThan: true }
    : { total: counted, moreThan: false };
}
