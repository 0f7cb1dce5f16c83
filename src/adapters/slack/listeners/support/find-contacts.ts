import type { RespondFn } from '@slack/bolt';
import type { Contact } from '../../../../core/contacts/contact.js';
import { FIND_LIMIT_MAX } from '../../../../core/contacts/contact.schemas.js';
import type { Actor } from '../../../../core/shared/actor.js';
import { CONTACTS_SHOWN, type ContactMatches, contactSearchMessage } from '../../blocks/contact-search.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/** Organisation names for the contacts shown (a handful of id reads, in parallel). */
export async function organisationNames(
  deps: SlackDeps,
  actor: Actor,
  contacts: readonly Contact[],
): Promise<Map<string, string>> {
  const ids = [...new Set(contacts.flatMap((contact) => contact.organisationId ?? []))];
  const found = await Promise.all(ids.map((id) => deps.container.contacts.findOrganisation(actor, { id })));
  return new Map(
    found.flatMap((organisation) => (organisation ? [[organisation.id, organisation.name]] : [])),
  );
}

/** Reads one search's worth more than we show, so "and N more" is a real count up to the limit. */
export async function findContactMatches(
  deps: SlackDeps,
  tenant: Tenant,
  text: string,
): Promise<ContactMatches> {
  const found = await deps.container.contacts.findContacts(tenant.actor, { text, limit: FIND_LIMIT_MAX });
  return {
    shown: found.slice(0, CONTACTS_SHOWN),
    more: Math.max(found.length - CONTACTS_SHOWN, 0),
    atLeast: found.length >= FIND_LIMIT_MAX,
  };
}

/**
 * `/interaction contact find <text>` (F11): an ephemeral list of at most 10 matches (accent- and
 * case-insensitive, over name, email and phone), each with Log interaction, See all
 * interactions, Edit and Merge. Bad input (text too long) reaches the global error handler.
 */
export async function respondContactSearch(
  respond: RespondFn,
  tenant: Tenant,
  deps: SlackDeps,
  text: string,
): Promise<void> {
  const matches = await findContactMatches(deps, tenant, text);
  const organisations = await organisationNames(deps, tenant.actor, matches.shown);
  const message = contactSearchMessage(text, matches, tenant.actor, organisations);
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
}
