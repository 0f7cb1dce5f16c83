import { contactLabel } from '../../blocks/contact-label.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { ContactChoice } from '../../payloads/interaction-form-state.js';
import type { SlackDeps } from '../deps.js';

/** A prefill never needs more: the form is for people, and the picker shows them all. */
const PREFILL_MAX = 100;

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
