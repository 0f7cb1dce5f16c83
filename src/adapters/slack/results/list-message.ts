import { contactDisplayName } from '../../../core/contacts/contact.js';
import type { FilterSummaryContext } from '../../../core/views/filter-summary.js';
import { presentList } from '../../../core/views/list-view.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
import type { SlackMessage } from '../views/blocks.js';
import { listToBlocks } from '../views/list-blocks.js';
import type { ResultQuery } from './query.js';
import { renderOptionsOf } from './render-options.js';

/** Items per list message: with up to three blocks each this stays inside 50 blocks. */
export const LIST_PAGE_SIZE = 15;

export interface PageRequest {
  cursor?: string;
  direction?: 'older' | 'newer';
}

/** Names for the filter summary ("Organisation: Acme" rather than an id). Only what the filter mentions is read. */
export async function summaryContext(
  tenant: Tenant,
  deps: SlackDeps,
  query: ResultQuery,
): Promise<FilterSummaryContext> {
  const { workspaceId } = tenant.actor;
  const { repositories } = deps.container;
  const { organisationId, contactIds } = query.filter;
  const [organisation, contacts] = await Promise.all([
    organisationId ? repositories.organisations.findById(workspaceId, organisationId) : null,
    contactIds?.length ? repositories.contacts.findByIds(workspaceId, contactIds) : [],
  ]);
  const contactNames = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
  return {
    timeZone: renderOptionsOf(tenant.workspace).timeZone,
    organisationName: (id) => (organisation && organisation.id === id ? organisation.name : undefined),
    contactName: (id) => contactNames.get(id),
  };
}

/** F10: one page of the workspace list as a message, with its filters, total, paging and Export. */
export async function listMessage(
  tenant: Tenant,
  deps: SlackDeps,
  query: ResultQuery,
  page: PageRequest = {},
): Promise<SlackMessage> {
  const { container } = deps;
  const [result, summary] = await Promise.all([
    container.interactions.listInteractions(tenant.actor, {
      filter: query.filter,
      sort: query.sort,
      limit: LIST_PAGE_SIZE,
      ...(page.cursor ? { cursor: page.cursor, direction: page.direction ?? 'older' } : {}),
    }),
    summaryContext(tenant, deps, query),
  ]);
  const view = presentList(result, query, tenant.actor, container.clock.now(), summary);
  return listToBlocks(view, renderOptionsOf(tenant.workspace));
}
