import type { FilterSpec } from '../commands/command-grammar.js';
import { toInteractionFilter } from '../commands/command-grammar.js';
import { contactDisplayName, type Organisation } from '../contacts/contact.js';
import type { InteractionFilter, ListSort } from '../interactions/interaction-filter.js';
import { foldForSearch } from '../shared/text.js';
import type { FilterSummaryContext } from '../views/filter-summary.js';
import { type ListView, presentList } from '../views/list-view.js';
import { personalTime } from '../workspaces/personal-time.js';
import type { Tenant } from '../workspaces/tenant.js';
import type { Member } from '../workspaces/workspace.js';
import type { PageRequest, QueryDeps } from './query-deps.js';

/** What a list or an export runs: the core filter and the order. */
export interface ResultQuery {
  filter: InteractionFilter;
  sort: ListSort;
}

/**
 * The organisation a typed name means: the one whose folded name is exactly it, else the only
 * one containing it. Several partial matches are ambiguous, so none is picked.
 */
export async function findOrganisationByName(
  tenant: Tenant,
  deps: QueryDeps,
  name: string,
): Promise<{ match?: Organisation; candidates: Organisation[] }> {
  const candidates = await deps.container.contacts.findOrganisations(tenant.actor, { text: name, limit: 10 });
  const key = foldForSearch(name);
  const exact = candidates.filter((organisation) => foldForSearch(organisation.name) === key);
  const match = exact.length === 1 ? exact[0] : candidates.length === 1 ? candidates[0] : undefined;
  return match ? { match, candidates } : { candidates };
}

/**
 * `by:ann` names a member by display name (or user id); the member list is read once per
 * command, and only when a name needs it.
 */
function authorResolver(tenant: Tenant, deps: QueryDeps) {
  let members: Promise<Member[]> | undefined;
  return async (name: string): Promise<string | undefined> => {
    members ??= deps.container.workspaces.listMembers(tenant.actor);
    const key = foldForSearch(name);
    const list = await members;
    const byName = list.filter((member) => foldForSearch(member.displayName) === key);
    if (byName.length === 1) return byName[0]?.userId;
    return list.find((member) => member.userId.toUpperCase() === name.toUpperCase())?.userId;
  };
}

/**
 * A typed filter (`list type:Call from:"last monday" by:@ann`) as the core filter, resolved in
 * the person's own timezone (else the workspace's). Throws CommandSyntaxError naming the token that cannot be resolved.
 */
export async function resolveFilterSpec(
  spec: FilterSpec,
  tenant: Tenant,
  deps: QueryDeps,
): Promise<ResultQuery> {
  const filter = await toInteractionFilter(spec, {
    now: deps.container.clock.now(),
    timeZone: personalTime(tenant).timeZone,
    currentUserId: tenant.actor.userId,
    parseDate: deps.parseDate,
    resolveAuthor: authorResolver(tenant, deps),
    resolveOrganisation: async (name) => (await findOrganisationByName(tenant, deps, name)).match?.id,
  });
  return { filter, sort: spec.sort ?? 'date' };
}

/** Names for the filter summary ("Organisation: Acme" rather than an id). Only what the filter mentions is read. */
export async function summaryContext(
  tenant: Tenant,
  deps: QueryDeps,
  query: ResultQuery,
): Promise<FilterSummaryContext> {
  const { actor } = tenant;
  const { contacts: contactService } = deps.container;
  const { organisationId, contactIds } = query.filter;
  const [organisation, contacts] = await Promise.all([
    organisationId ? contactService.findOrganisation(actor, { id: organisationId }) : null,
    contactIds?.length ? contactService.findContactsByIds(actor, { ids: contactIds }) : [],
  ]);
  const contactNames = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
  return {
    timeZone: personalTime(tenant).timeZone,
    organisationName: (id) => (organisation && organisation.id === id ? organisation.name : undefined),
    contactName: (id) => contactNames.get(id),
  };
}

/**
 * F10: one page of the workspace list as the neutral view, with its filters and total. The
 * page size is the surface's: what fits its message limits.
 */
export async function loadListView(
  tenant: Tenant,
  deps: QueryDeps,
  query: ResultQuery,
  pageSize: number,
  page: PageRequest = {},
): Promise<ListView> {
  const { container } = deps;
  const [result, summary] = await Promise.all([
    container.interactions.listInteractions(tenant.actor, {
      filter: query.filter,
      sort: query.sort,
      limit: pageSize,
      ...(page.cursor ? { cursor: page.cursor, direction: page.direction ?? 'older' } : {}),
    }),
    summaryContext(tenant, deps, query),
  ]);
  return presentList(result, query, tenant.actor, container.clock.now(), summary);
}
