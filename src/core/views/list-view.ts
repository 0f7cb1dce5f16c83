import type { Interaction } from '../interactions/interaction.js';
import type { InteractionFilter, ListSort } from '../interactions/interaction-filter.js';
import { type Actor, canWrite } from '../shared/actor.js';
import type { Page } from '../shared/paging.js';
import { type FilterChip, type FilterSummaryContext, summarizeFilter } from './filter-summary.js';
import {
  type InteractionItemView,
  type PagingView,
  pagingOf,
  presentInteraction,
} from './interaction-item.js';

/** F10 workspace-wide list: the same items as a timeline, plus what they were filtered by. */
export interface ListView {
  title: string;
  total: number;
  /** The count stopped: more than `total` match (say it with countPhrase). */
  moreThanTotal: boolean;
  items: InteractionItemView[];
  paging: PagingView;
  /** Kept whole so paging and "Export" can re-run exactly the same query. */
  filter: InteractionFilter;
  sort: ListSort;
  chips: FilterChip[];
  canLog: boolean;
}

export interface ListQuery {
  filter: InteractionFilter;
  sort: ListSort;
}

export function presentList(
  page: Page<Interaction>,
  query: ListQuery,
  actor: Actor,
  now: Date,
  summary: FilterSummaryContext,
): ListView {
  return {
    title: 'Interactions',
    total: page.total,
    moreThanTotal: page.moreThanTotal === true,
    items: page.items.map((interaction) => presentInteraction(interaction, actor, now, query.sort)),
    paging: pagingOf(page),
    filter: query.filter,
    sort: query.sort,
    chips: summarizeFilter(query.filter, summary),
    canLog: canWrite(actor),
  };
}
