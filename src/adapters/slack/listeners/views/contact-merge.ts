import { type Contact, contactDisplayName } from '../../../../core/contacts/contact.js';
import { isDomainError, ValidationError } from '../../../../core/shared/errors.js';
import { plural, section } from '../../blocks/block-kit.js';
import { contactCard } from '../../blocks/contact-card.js';
import { contactOption, mergeMetadata } from '../../blocks/contact-merge.js';
import { escapeAndTruncate } from '../../blocks/limits.js';
import { userMessageFor } from '../../errors.js';
import { ContactMergeField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { stateOf } from '../../payloads/form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import type { SubmitArgs, SuggestionArgs } from '../support/listener-args.js';
import { answerSuggestionsOnce } from '../support/suggestions-once.js';
import { claimSubmission, parseMetadata } from '../support/view-claims.js';

const SUGGESTIONS = 20;

function duplicateIdOf(privateMetadata: string | undefined): string | null {
  return parseMetadata(privateMetadata ?? '', (value) => {
    const parsed = mergeMetadata.safeParse(value);
    return parsed.success ? parsed.data.id : null;
  });
}

/** Merge modal (F11): the contact picker's suggestions; a contact is never offered as its own merge target. */
export async function suggestMergeTargets(
  { ack, body, context }: SuggestionArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const duplicateId = duplicateIdOf(body.view?.private_metadata);
  const search = deps.container.contacts.findContacts(tenant.actor, {
    text: body.value.slice(0, 100),
    limit: SUGGESTIONS + 1,
  });
  // A contact cannot be merged into itself, so it is never offered.
  const render = (found: Contact[]) =>
    found
      .filter((contact) => contact.id !== duplicateId)
      .slice(0, SUGGESTIONS)
      .map(contactOption);
  await answerSuggestionsOnce(ack, search, render, deps, {
    ...(context.teamId ? { teamId: context.teamId } : {}),
    picker: 'merge target',
  });
}

/** The merge submission: claimed by view id, so a double click merges once. */
export async function submitMerge(
  { ack, view, client, context }: SubmitArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const field = ContactMergeField.target.blockId;
  const mergeId = duplicateIdOf(view.private_metadata);
  const keepId = stateOf(formStateOf(view), ContactMergeField.target)?.selected_option?.value;
  if (!mergeId || !keepId) {
    await ack({ response_action: 'errors', errors: { [field]: 'Choose the contact to keep.' } });
    return;
  }
  const claim = await claimSubmission(deps, tenant, 'slack-contact-merge', view.id);
  if (!claim.acquired) {
    await ack();
    return;
  }
  let result: Awaited<ReturnType<typeof deps.container.contacts.mergeContacts>>;
  let duplicateName: string;
  try {
    const duplicate = await deps.container.contacts.getContact(tenant.actor, { id: mergeId });
    duplicateName = contactDisplayName(duplicate);
    result = await deps.container.contacts.mergeContacts(tenant.actor, { keepId, mergeId });
  } catch (error) {
    await claim.release();
    if (!isDomainError(error)) throw error;
    // Every merge problem (itself, too many emails together, contact gone) is about the pick.
    const message =
      error instanceof ValidationError ? Object.values(error.fieldErrors).join(' ') : userMessageFor(error);
    await ack({ response_action: 'errors', errors: { [field]: message } });
    return;
  }
  await ack();
  const moved = plural(result.movedInteractions, 'interaction');
  const text = `:twisted_rightwards_arrows: Merged *${escapeAndTruncate(duplicateName, 120).text}* into this contact; ${moved} moved.`;
  await client.chat.postMessage({
    channel: tenant.actor.userId,
    text: `Merged ${escapeAndTruncate(duplicateName, 120).text}; ${moved} moved.`,
    blocks: [section(text), ...contactCard(result.contact, tenant.actor, ['log', 'timeline'])],
  });
}
