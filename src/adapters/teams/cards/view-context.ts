import type { ListSort } from '../../../core/interactions/interaction-filter.js';
import type { TimelineRef } from '../../../core/queries/timeline-subject.js';

/**
 * What a timeline or list card shows, carried in its buttons' data so an action re-renders the
 * same card in place: the subject (or filter), and the page it was on. Filter dates travel as
 * ISO strings and are validated again by the core when they come back.
 */
export type ViewContext =
  | { v: 'timeline'; ref: TimelineRef; page?: PagePosition }
  | { v: 'list'; filter: Record<string, unknown>; sort: ListSort; page?: PagePosition };

export interface PagePosition {
  cursor: string;
  direction: 'older' | 'newer';
}

/** The filter as JSON-safe data (Dates become ISO strings). */
export function filterData(filter: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(filter)) as Record<string, unknown>;
}

export function atPage(context: ViewContext, page: PagePosition | undefined): ViewContext {
  const { page: _old, ...rest } = context;
  return page ? { ...rest, page } : rest;
}
