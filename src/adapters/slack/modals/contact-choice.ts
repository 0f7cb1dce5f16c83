import { type Contact, contactDisplayName } from '../../../core/contacts/contact.js';
import { LIMITS, truncateText } from '../blocks/limits.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
import type { ContactChoice } from '../payloads/interaction-form-state.js';

/** A prefill never needs more: the form is for people, and the picker shows them all. */
const PREFILL_MAX = 100;

/**
 * "Name · email" (or phone) as one option line: names alone are ambiguous in a big address book.
 * plain_text option text, so nothing to escape; the name is cut before the email is.
 */
export function contactLabel(contact: Contact): string {
  const name = contactDisplayName(contact) || contact.emails[0] || contact.phones[0] || contact.id;
  const detail = contact.emails[0] ?? contact.phones[0];
  if (!detail || detail === name) return truncateText(name, LIMITS.optionText);
  const suffix = ` · ${truncateText(detail, 40)}`;
  return truncateText(name, LIMITS.optionText - suffix.length) + suffix;
}

/** The contacts to preselect, in the workspace only; unknown ids are dropped, not reported. */
export async function loadContactChoices(deps: SlackDeps, tenant: Tenant, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)].slice(0, PREFILL_MAX);
  const found = await deps.container.contacts.findContactsByIds(tenant.actor, { ids: unique });
  const byId = new Map(found.map((contact) => [contact.id, contact]));
  return unique.flatMap((id): ContactChoice[] => {
    const contact = byId.get(id);
    return contact ? [{ id, label: contactLabel(contact) }] : [];
  });
}
