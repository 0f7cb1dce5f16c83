import type { SearchInvokeResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { contactDisplayName } from '../../../core/contacts/contact.js';
import { assertOwner, canWrite } from '../../../core/shared/actor.js';
import { foldForSearch } from '../../../core/shared/text.js';
import { presentPeople } from '../../../core/views/people-view.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { contactDetail } from '../cards/contact-cards.js';
import { personChoice } from '../cards/roles-dialog-card.js';
import type { TeamsDeps } from '../deps.js';
import { describeError } from '../errors.js';
import { Dataset } from '../ids.js';
import { TEAMS_LIMITS, truncate } from '../limits.js';
import { readPayload } from '../payloads/parse.js';
import { searchActivity } from '../payloads/search.js';
import type { TeamsTenancy } from '../tenant.js';

type Choice = { title: string; value: string };

export function searchResponse(results: Choice[]): SearchInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } };
}

/** Contacts by name, email or phone (the core's accent-insensitive search). */
async function contactChoices(
  tenant: Tenant,
  deps: TeamsDeps,
  query: string,
  limit: number,
): Promise<Choice[]> {
  if (!query.trim()) return [];
  const contacts = await deps.container.contacts.findContacts(tenant.actor, { text: query, limit });
  return contacts.map((contact) => {
    const detail = contactDetail(contact);
    const name = contactDisplayName(contact) || '(no name)';
    return { title: truncate(detail ? `${name} · ${detail}` : name, 150), value: contact.id };
  });
}

/** Members who can be given a follow-up: anyone who can write, matched on their name. */
async function memberChoices(
  tenant: Tenant,
  deps: TeamsDeps,
  query: string,
  limit: number,
): Promise<Choice[]> {
  const key = foldForSearch(query);
  const members = await deps.container.workspaces.listMembers(tenant.actor);
  return members
    .filter((member) =>
      canWrite({ workspaceId: member.workspaceId, userId: member.userId, role: member.role }),
    )
    .filter((member) => !key || foldForSearch(member.displayName).includes(key))
    .slice(0, limit)
    .map((member) => ({ title: truncate(member.displayName, 150), value: member.userId }));
}

/** Anyone in the workspace by name, for the roles dialog (admins only, like the dialog). */
async function peopleChoices(
  tenant: Tenant,
  deps: TeamsDeps,
  query: string,
  limit: number,
): Promise<Choice[]> {
  assertOwner(tenant.actor);
  const key = foldForSearch(query);
  const { everyone } = presentPeople(await deps.container.workspaces.listMembers(tenant.actor));
  return everyone
    .filter((person) => !key || foldForSearch(person.name).includes(key))
    .slice(0, limit)
    .map(personChoice);
}

/** Type-ahead for the dialog's Input.ChoiceSet (Data.Query → `application/search`). */
export function registerSearch(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  app.on('card.search', async (ctx) => {
    const parsed = readPayload(searchActivity, ctx.activity, deps.container.logger);
    // A type-ahead has no room for a sentence: the list stays empty, the log line has the reference.
    if (!parsed.ok) return searchResponse([]);
    const { queryText, dataset, queryOptions } = parsed.data.value;
    const limit = Math.min(
      Math.max(queryOptions?.top ?? TEAMS_LIMITS.searchChoices, 1),
      TEAMS_LIMITS.searchChoices,
    );
    try {
      const tenant = await tenancy.tenantOf(ctx.activity);
      const query = queryText ?? '';
      const results =
        dataset === Dataset.members
          ? await memberChoices(tenant, deps, query, limit)
          : dataset === Dataset.people
            ? await peopleChoices(tenant, deps, query, limit)
            : await contactChoices(tenant, deps, query, limit);
      return searchResponse(results);
    } catch (error) {
      // A type-ahead has no place for a message: the failure is logged and the list stays empty.
      describeError(error, ctx.activity, deps.container.logger);
      return searchResponse([]);
    }
  });
}
