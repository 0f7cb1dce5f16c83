import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { Contact } from '../../../core/contacts/contact.js';
import { previewExport } from '../../../core/queries/export-preview.js';
import type { PageRequest } from '../../../core/queries/query-deps.js';
import { loadListView, type ResultQuery } from '../../../core/queries/result-query.js';
import { loadTimelineView, type TimelineRef } from '../../../core/queries/timeline-subject.js';
import { summarizeFilter } from '../../../core/views/filter-summary.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { formatWhen } from '../cards/card-kit.js';
import { exportCard } from '../cards/export-card.js';
import { listCard, timelineCard } from '../cards/result-cards.js';
import { filterData, type PagePosition } from '../cards/view-context.js';
import type { TeamsDeps } from '../deps.js';
import { TEAMS_LIMITS } from '../limits.js';

export interface CardState {
  page?: PagePosition | undefined;
  confirmingDeleteId?: string | undefined;
}

function pageRequest(page: PagePosition | undefined): PageRequest {
  return page ? { cursor: page.cursor, direction: page.direction } : {};
}

/** F8/F9: a timeline page as a card, for a command or an in-place refresh. */
export async function timelineCardFor(
  tenant: Tenant,
  deps: TeamsDeps,
  ref: TimelineRef,
  state: CardState = {},
  known?: Contact,
): Promise<IAdaptiveCard> {
  const view = await loadTimelineView(tenant, deps, ref, pageRequest(state.page), known);
  return timelineCard(view, {
    ...personalTime(tenant),
    viewerId: tenant.actor.userId,
    ...state,
  });
}

/** F10: a list page as a card. */
export async function listCardFor(
  tenant: Tenant,
  deps: TeamsDeps,
  query: ResultQuery,
  state: CardState = {},
): Promise<IAdaptiveCard> {
  const view = await loadListView(tenant, deps, query, TEAMS_LIMITS.itemsPerCard, pageRequest(state.page));
  return listCard(view, { ...personalTime(tenant), viewerId: tenant.actor.userId, ...state });
}

/**
 * F15: every interaction matching the query as a CSV behind a signed link (Teams bots cannot
 * post files to channels). Nothing matching gets a sentence instead of an empty file.
 */
export async function exportCardFor(
  tenant: Tenant,
  deps: TeamsDeps,
  query: ResultQuery,
): Promise<IAdaptiveCard | string> {
  const preview = await previewExport(tenant, deps, query);
  if (preview.kind === 'empty') return preview.message;
  const link = deps.files.create(
    { w: tenant.workspace.id, u: tenant.actor.userId, f: filterData(query.filter) },
    deps.container.clock.now(),
  );
  // The file is the workspace's (its name dates it there); the expiry is for the reader.
  const reader = personalTime(tenant);
  const expiry = formatWhen(link.expiresAt, reader);
  return exportCard({
    rows: preview.rows,
    moreRows: preview.moreRows,
    filename: preview.filename,
    chips: summarizeFilter(query.filter, preview.summary),
    requestedBy: tenant.actor.displayName ?? 'you',
    url: link.url,
    expiresAt: reader.zoneLabel ? `${expiry} (${reader.zoneLabel})` : expiry,
  });
}
