import type { ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { type Contact, contactDisplayName } from '../../../core/contacts/contact.js';
import { ContactCallbackId, ContactMergeField } from '../ids.js';
import { context, plain, section } from './block-kit.js';
import { escapeAndTruncate, LIMITS, truncateText } from './limits.js';
import { input, modal } from './modal-kit.js';

/** The duplicate being merged away; the contact to keep is picked in the modal. */
export const mergeMetadata = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict();

export function mergeView(duplicate: Contact): ModalView {
  const name = escapeAndTruncate(contactDisplayName(duplicate) || 'this contact', 120).text;
  return modal(
    ContactCallbackId.merge,
    'Merge contact',
    [
      section(
        `Merge *${name}* into the contact you choose below: its emails, phones, tags and interactions move there, and *${name}* is deleted.`,
      ),
      input(ContactMergeField.target, 'Keep this contact', {
        type: 'external_select',
        action_id: ContactMergeField.target.actionId,
        min_query_length: 1,
        placeholder: plain('Type a name, email or phone', LIMITS.placeholder),
      }),
      context(['The kept contact keeps its own name and details; it only gains what it lacks.']),
    ],
    { submit: 'Merge', close: 'Cancel', privateMetadata: JSON.stringify({ id: duplicate.id }) },
  );
}

/** An option naming a contact unambiguously enough to pick: name, then its first email or phone. */
export function contactOption(contact: Contact): PlainTextOption {
  const detail = contact.emails[0] ?? contact.phones[0];
  const name = contactDisplayName(contact) || 'Unnamed contact';
  const text = detail ? `${name} · ${detail}` : name;
  return { text: plain(truncateText(text, LIMITS.optionText), LIMITS.optionText), value: contact.id };
}
