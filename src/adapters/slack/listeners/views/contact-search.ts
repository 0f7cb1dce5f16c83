import { isDomainError, ValidationError } from '../../../../core/shared/errors.js';
import { contactSearchView } from '../../blocks/contact-search-modal.js';
import { userMessageFor } from '../../errors.js';
import { ContactSearchField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { textOf } from '../../payloads/form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import { findContactMatches, organisationNames } from '../support/find-contacts.js';
import type { SubmitArgs } from '../support/listener-args.js';

/** The Home search modal: each submission searches and redraws the modal with the results. */
export async function submitContactSearch(
  { ack, view, context }: SubmitArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const text = textOf(formStateOf(view), ContactSearchField.text);
  try {
    const matches = await findContactMatches(deps, tenant, text);
    const organisations = await organisationNames(deps, tenant.actor, matches.shown);
    await ack({ response_action: 'update', view: contactSearchView(text, { matches, organisations }) });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const message =
      error instanceof ValidationError ? Object.values(error.fieldErrors).join(' ') : userMessageFor(error);
    await ack({ response_action: 'errors', errors: { [ContactSearchField.text.blockId]: message } });
  }
}
