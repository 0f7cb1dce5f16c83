import type { PageRequest } from '../../../../core/queries/query-deps.js';
import { loadListView, type ResultQuery } from '../../../../core/queries/result-query.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import type { SlackMessage } from '../../blocks/block-kit.js';
import { listToBlocks } from '../../blocks/list-blocks.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/** Items per list message: with up to three blocks each this stays inside 50 blocks. */
export const LIST_PAGE_SIZE = 15;

/** F10: one page of the workspace list as a message, with its filters, total, paging and Export. */
export async function listMessage(
  tenant: Tenant,
  deps: SlackDeps,
  query: ResultQuery,
  page: PageRequest = {},
): Promise<SlackMessage> {
  const view = await loadListView(tenant, deps, query, LIST_PAGE_SIZE, page);
  return listToBlocks(view, personalTime(tenant));
}
