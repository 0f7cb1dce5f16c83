import type { FilterSpec } from '../../../core/commands/command-grammar.js';
import { toInteractionFilter } from '../../../core/commands/command-grammar.js';
import type { Organisation } from '../../../core/contacts/contact.js';
import type { InteractionFilter, ListSort } from '../../../core/interactions/interaction-filter.js';
import { foldForSearch } from '../../../core/shared/text.js';
import type { Member } from '../../../core/workspaces/workspace.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
import { renderOptionsOf } from './render-options.js';

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
  deps: SlackDeps,
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
function authorResolver(tenant: Tenant, deps: SlackDeps) {
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
 * the workspace timezone. Throws CommandSyntaxError naming the token that cannot be resolved.
 */
export async function resolveFilterSpec(
  spec: FilterSpec,
  tenant: Tenant,
  deps: SlackDeps,
): Promise<ResultQuery> {
  const filter = await toInteractionFilter(spec, {
    now: deps.container.clock.now(),
    timeZone: renderOptionsOf(tenant.workspace).timeZone,
    currentUserId: tenant.actor.userId,
    parseDate: deps.parseDate,
    resolveAuthor: authorResolver(tenant, deps),
    resolveOrganisation: async (name) => (await findOrganisationByName(tenant, deps, name)).match?.id,
  });
  return { filter, sort: spec.sort ?? 'date' };
}
