import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { Contact } from '../../../core/contacts/contact.js';
import {
  ADDRESS_PART_MAX,
  EXTERNAL_ID_MAX,
  NAME_MAX,
  ORGANISATION_NAME_MAX,
} from '../../../core/contacts/contact.schemas.js';
import { type DomainError, ErrorCode, ValidationError } from '../../../core/shared/errors.js';
import { userMessageFor } from '../errors.js';
import { CallbackId, ContactFormField, type FieldIds } from '../ids.js';
import { context } from './block-kit.js';
import { modal, textInput } from './modal-kit.js';

export interface ContactFormOptions {
  /** Edit this contact; without it the form adds a new one. */
  contactId?: string;
  /** Where the command was typed: the "contact saved" note goes there (ephemeral), else by DM. */
  channelId?: string;
}

/** What the submission needs to know: which contact (edit) and where to confirm. */
export const contactFormMetadata = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    ch: z
      .string()
      .regex(/^[CGD][A-Z0-9]{2,30}$/)
      .optional(),
  })
  .strict();
export type ContactFormMetadata = z.infer<typeof contactFormMetadata>;

/** List fields take one value per line as well as comma lists; the core splits on "," and ";". */
const LIST_TEXT_MAX = 2000;

export function contactFormView(
  metadata: ContactFormMetadata,
  contact?: Contact,
  organisationName?: string,
): ModalView {
  const f = ContactFormField;
  const blocks: KnownBlock[] = [
    textInput(f.firstName, 'First name', { initial: contact?.firstName, maxLength: NAME_MAX }),
    textInput(f.lastName, 'Last name', { initial: contact?.lastName, maxLength: NAME_MAX }),
    textInput(f.emails, 'Emails', {
      initial: contact?.emails.join('\n'),
      multiline: true,
      maxLength: LIST_TEXT_MAX,
      hint: 'One per line, or separated by commas.',
    }),
    textInput(f.phones, 'Phones', {
      initial: contact?.phones.join('\n'),
      multiline: true,
      maxLength: LIST_TEXT_MAX,
      hint: 'One per line, or separated by commas.',
    }),
    textInput(f.organisation, 'Organisation', {
      initial: organisationName,
      maxLength: ORGANISATION_NAME_MAX,
      hint: 'An existing organisation with this name is reused; otherwise it is created.',
    }),
    textInput(f.street, 'Street', { initial: contact?.address?.street, maxLength: ADDRESS_PART_MAX }),
    textInput(f.city, 'City', { initial: contact?.address?.city, maxLength: ADDRESS_PART_MAX }),
    textInput(f.postalCode, 'Postal code', {
      initial: contact?.address?.postalCode,
      maxLength: ADDRESS_PART_MAX,
    }),
    textInput(f.country, 'Country', { initial: contact?.address?.country, maxLength: ADDRESS_PART_MAX }),
    textInput(f.tags, 'Tags', {
      initial: contact?.tags.join(', '),
      maxLength: LIST_TEXT_MAX,
      hint: 'Separated by commas.',
    }),
    textInput(f.externalId, 'External id', {
      initial: contact?.externalId,
      maxLength: EXTERNAL_ID_MAX,
      hint: 'Its id in another system; CSV imports match rows on it.',
    }),
  ];
  if (contact) blocks.push(context(['Clearing a field removes it from the contact.']));
  return modal(CallbackId.contactForm, contact ? 'Edit contact' : 'New contact', blocks, {
    submit: 'Save',
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
  });
}

/** The core's field keys (zod paths) → the input that shows the message. */
const FIELD_BLOCKS: Record<string, FieldIds> = {
  firstName: ContactFormField.firstName,
  lastName: ContactFormField.lastName,
  emails: ContactFormField.emails,
  phones: ContactFormField.phones,
  tags: ContactFormField.tags,
  organisation: ContactFormField.organisation,
  organisationId: ContactFormField.organisation,
  externalId: ContactFormField.externalId,
  address: ContactFormField.street,
  'address.street': ContactFormField.street,
  'address.city': ContactFormField.city,
  'address.postalCode': ContactFormField.postalCode,
  'address.country': ContactFormField.country,
};

/**
 * `response_action: errors` for a refused save: each field message on its input; a duplicate
 * external id on the external id; anything else (contact deleted, viewer) on the first input.
 */
export function contactFormErrors(error: DomainError): Record<string, string> {
  const errors: Record<string, string> = {};
  const put = (ids: FieldIds, message: string) => {
    const current = errors[ids.blockId];
    errors[ids.blockId] = current ? `${current} ${message}` : message;
  };
  if (error instanceof ValidationError) {
    for (const [key, message] of Object.entries(error.fieldErrors)) {
      put(FIELD_BLOCKS[key] ?? ContactFormField.firstName, message);
    }
  } else if (error.code === ErrorCode.ContactDuplicate) {
    put(ContactFormField.externalId, error.message);
  } else {
    put(ContactFormField.firstName, userMessageFor(error));
  }
  return errors;
}
