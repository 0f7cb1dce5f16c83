import { ContactFormField, type FieldIds } from '../ids.js';
import { type StateValues, textOf } from './form-state.js';

/** One value per line becomes a ";" list: the core's phone and tag lists do not split on newlines. */
function lines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(';');
}

/**
 * The form as createContact/editContact input. Every field is sent, so on edit an emptied field
 * clears it (the core reads '' as "clear" and [] as "empty the list").
 */
export function readContactForm(values: StateValues): Record<string, unknown> {
  const f = ContactFormField;
  const text = (ids: FieldIds) => textOf(values, ids);
  return {
    firstName: text(f.firstName),
    lastName: text(f.lastName),
    emails: lines(text(f.emails)),
    phones: lines(text(f.phones)),
    tags: lines(text(f.tags)),
    organisation: text(f.organisation),
    externalId: text(f.externalId),
    address: {
      street: text(f.street),
      city: text(f.city),
      postalCode: text(f.postalCode),
      country: text(f.country),
    },
  };
}
