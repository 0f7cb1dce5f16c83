import { exportFilename } from '../exports/export.service.js';
import type { FilterSummaryContext } from '../views/filter-summary.js';
import { renderOptionsOf, type Tenant } from '../workspaces/tenant.js';
import type { QueryDeps } from './query-deps.js';
import { type ResultQuery, summaryContext } from './result-query.js';

/** What a person is told instead of getting a CSV with a header and no rows. */
export const NOTHING_TO_EXPORT = 'Nothing matches these filters, so there is nothing to export.';

/** An export about to run: nothing to export, or how many rows, under which name and filters. */
export type ExportPreview =
  | { kind: 'empty'; message: string }
  | {
      kind: 'rows';
      rows: number;
      /** The count stopped at `rows` (a filter that searches text): "more than" that many. */
      moreRows: boolean;
      /** The file's name, dated in the workspace zone (the file is the workspace's). */
      filename: string;
      /** The names the filter chips need ("Organisation: Acme", not an id). */
      summary: FilterSummaryContext;
    };

/**
 * F15's pre-check, the same on both platforms: count what the query matches before any file is
 * made. Slack then uploads the CSV and Teams links to it; both say so with these figures.
 */
export async function previewExport(
  tenant: Tenant,
  deps: QueryDeps,
  query: ResultQuery,
): Promise<ExportPreview> {
  const { container } = deps;
  const count = await container.interactions.listInteractions(tenant.actor, {
    filter: query.filter,
    limit: 1,
  });
  if (count.total === 0) return { kind: 'empty', message: NOTHING_TO_EXPORT };
  return {
    kind: 'rows',
    rows: count.total,
    moreRows: count.moreThanTotal === true,
    filename: exportFilename(query.filter, container.clock.now(), renderOptionsOf(tenant.workspace).timeZone),
    summary: await summaryContext(tenant, deps, query),
  };
}
