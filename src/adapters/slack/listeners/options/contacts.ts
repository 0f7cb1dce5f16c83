import type { Contact } from '../../../../core/contacts/contact.js';
import { option } from '../../blocks/block-kit.js';
import { contactLabel } from '../../blocks/contact-label.js';
import { LIMITS } from '../../blocks/limits.js';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import type { SuggestionArgs } from '../support/listener-args.js';
import { answerSuggestionsOnce } from '../support/suggestions-once.js';

/** The core's search cap (FIND_LIMIT_MAX), well under Slack's 100 options per answer. */
const SUGGESTIONS = 50;

function optionsFor(contacts: Contact[]) {
  return contacts
    .filter((contact) => contact.id.length <= LIMITS.optionValue)
    .slice(0, LIMITS.selectOptions)
    .map((contact) => option(contactLabel(contact), contact.id));
}

/**
 * Search-as-you-type for the log form's contacts (block_suggestion): the core's accent- and
 * case-insensitive search ("levy" finds "Lévy"), as "Name · email" options whose value is the
 * contact id, answered once within Slack's deadline (answerSuggestionsOnce).
 */

export async function suggestContacts(
  { ack, payload, context }: SuggestionArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const search = deps.container.contacts.findContacts(tenant.actor, {
    text: payload.value,
    limit: SUGGESTIONS,
  });
  await answerSuggestionsOnce(ack, search, optionsFor, deps, {
    ...(context.teamId ? { teamId: context.teamId } : {}),
    picker: 'log form contacts',
  });
}
