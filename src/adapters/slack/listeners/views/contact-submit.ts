import type { Contact } from '../../../../core/contacts/contact.js';
import { isDomainError } from '../../../../core/shared/errors.js';
import { contactSavedMessage } from '../../blocks/contact-card.js';
import { contactFormErrors, contactFormMetadata } from '../../blocks/contact-form.js';
import { ContactFormField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { readContactForm } from '../../payloads/contact-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import { confirmToUser } from '../support/contact-replies.js';
import type { SubmitArgs } from '../support/listener-args.js';
import { claimSubmission, parseMetadata } from '../support/view-claims.js';

/**
 * Saves the contact before acking, because only then do we know whether to keep the modal open
 * with inline errors (bad email, duplicate external id). A double submit is claimed by view id:
 * createContact has no idempotency key, and the second request must not add a second contact.
 */
export async function submitContactForm(
  { ack, view, client, context }: SubmitArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const metadata = parseMetadata(view.private_metadata, (value) => {
    const parsed = contactFormMetadata.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
  if (!metadata) {
    await ack({
      response_action: 'errors',
      errors: {
        [ContactFormField.firstName.blockId]: 'This form is out of date. Close it and open it again.',
      },
    });
    return;
  }
  const claim = await claimSubmission(deps, tenant, 'slack-contact-form', view.id);
  if (!claim.acquired) {
    await ack();
    return;
  }
  const { contacts } = deps.container;
  const input = readContactForm(formStateOf(view));
  let contact: Contact;
  try {
    contact = metadata.id
      ? await contacts.editContact(tenant.actor, { ...input, id: metadata.id })
      : await contacts.createContact(tenant.actor, input);
  } catch (error) {
    await claim.release();
    if (!isDomainError(error)) throw error;
    await ack({ response_action: 'errors', errors: contactFormErrors(error) });
    return;
  }
  await ack();
  const organisation = contact.organisationId
    ? await deps.container.contacts.findOrganisation(tenant.actor, { id: contact.organisationId })
    : null;
  const message = contactSavedMessage(contact, tenant.actor, !metadata.id, organisation?.name);
  await confirmToUser(client, metadata.ch, tenant.actor.userId, message);
}
