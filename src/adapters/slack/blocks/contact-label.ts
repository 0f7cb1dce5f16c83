import { type Contact, contactDisplayName } from '../../../core/contacts/contact.js';
import { LIMITS, truncateText } from './limits.js';

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
