import type { WebClient } from '@slack/web-api';
import { assertCanWrite } from '../../../../core/shared/actor.js';
import {
  type ContactFormMetadata,
  type ContactFormOptions,
  contactFormView,
} from '../../blocks/contact-form.js';
import { contactImportView } from '../../blocks/contact-import.js';
import { mergeView } from '../../blocks/contact-merge.js';
import { contactSearchView } from '../../blocks/contact-search-modal.js';
import { CallbackId, ContactCallbackId } from '../../ids.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { openThenFill } from './open-then-fill.js';

/**
 * Opening the contact modals (add/edit, CSV import, merge, search) for every surface that offers
 * them: viewers are refused before anything opens, and the view comes from a pure builder in blocks/.
 */

/**
 * F11 add/edit form. Adding opens at once; editing opens a loading modal first and fills it with
 * the contact, so the trigger_id is used before any database read. Viewers are refused before
 * anything opens (the core refuses them again on submit).
 */
export async function openContactForm(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  deps: SlackDeps,
  options: ContactFormOptions = {},
): Promise<void> {
  assertCanWrite(tenant.actor);
  const channel = options.channelId && /^[CGD]/.test(options.channelId) ? options.channelId : undefined;
  const metadata: ContactFormMetadata = channel ? { ch: channel } : {};
  const contactId = options.contactId;
  if (!contactId) {
    await client.views.open({ trigger_id: triggerId, view: contactFormView(metadata) });
    return;
  }
  await openThenFill(
    client,
    triggerId,
    { callbackId: CallbackId.contactForm, title: 'Edit contact', target: { userId: tenant.actor.userId } },
    async () => {
      const { container } = deps;
      const contact = await container.contacts.getContact(tenant.actor, { id: contactId });
      const organisation = contact.organisationId
        ? await container.contacts.findOrganisation(tenant.actor, { id: contact.organisationId })
        : null;
      return contactFormView({ ...metadata, id: contact.id }, contact, organisation?.name);
    },
    deps.container.logger,
  );
}

/**
 * `/interaction contact import` (F11): a modal with one CSV file input. Viewers are refused
 * before it opens; the core refuses them again when the rows are imported.
 */
export async function openContactImport(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  _deps: SlackDeps,
): Promise<void> {
  assertCanWrite(tenant.actor);
  await client.views.open({ trigger_id: triggerId, view: contactImportView() });
}

/** Merge (F11): opened from a contact's "Merge…" button, for that contact as the duplicate. */
export async function openMergeForm(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  deps: SlackDeps,
  duplicateId: string,
): Promise<void> {
  assertCanWrite(tenant.actor);
  await openThenFill(
    client,
    triggerId,
    { callbackId: ContactCallbackId.merge, title: 'Merge contact', target: { userId: tenant.actor.userId } },
    async () => mergeView(await deps.container.contacts.getContact(tenant.actor, { id: duplicateId })),
    deps.container.logger,
  );
}

/** The Home tab's "Search": find a contact, then open its timeline (sent by DM). */
export async function openContactSearchModal(client: WebClient, triggerId: string): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: contactSearchView('', undefined) });
}
