import type { App } from '@slack/bolt';
import type { Contact } from '../../../../core/contacts/contact.js';
import { isDomainError } from '../../../../core/shared/errors.js';
import { LIMITS } from '../../blocks/limits.js';
import { InteractionFormField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { beforeDeadline, timedAckDeadline } from '../../modals/ack-deadline.js';
import { contactLabel } from '../../modals/contact-choice.js';
import { option } from '../../views/blocks.js';
import type { SlackDeps } from '../deps.js';

/** The core's search cap (FIND_LIMIT_MAX), well under Slack's 100 options per answer. */
const SUGGESTIONS = 50;

function optionsFor(contacts: Contact[]) {
  return contacts
    .filter((contact) => contact.id.length <= LIMITS.optionValue)
    .slice(0, LIMITS.selectOptions)
    .map((contact) => option(contactLabel(contact), contact.id));
}

/**
 * Search-as-you-type for the log form's contacts (block_suggestion): the core's accent- and
 * case-insensitive search ("levy" finds "Lévy"), as "Name · email" options whose value is the
 * contact id. Text the search refuses (too long) gets no options rather than an error.
 *
 * Answered exactly once, within Slack's 3 seconds: a search still running at the deadline (a
 * database that is not answering) gets no options now and its late result is dropped. A
 * failed search is logged, never turned into a message: it is a read, the person's form is
 * untouched, and a "did not go through" arriving later reads as if their log had failed.
 */
export function registerContactSuggestions(app: App, deps: SlackDeps): void {
  const { logger } = deps.container;
  app.options<'block_suggestion'>(
    { action_id: InteractionFormField.contacts.actionId, type: 'block_suggestion' },
    async ({ ack, payload, context }) => {
      const tenant = tenantOf(context);
      const search = deps.container.contacts.findContacts(tenant.actor, {
        text: payload.value,
        limit: SUGGESTIONS,
      });
      const raced = await beforeDeadline(search, deps.suggestionDeadline ?? timedAckDeadline());
      if (raced.kind === 'done') {
        await ack({ options: optionsFor(raced.value) });
        return;
      }
      if (raced.kind === 'late') {
        logger.warn('Contact search outlived the answer deadline; answered with no options', {
          teamId: context.teamId,
        });
        search.catch((error: unknown) => {
          logger.warn('A contact search answered too late failed', { error: String(error) });
        });
      } else if (!isDomainError(raced.error)) {
        logger.error('Contact search failed; answered with no options', {
          teamId: context.teamId,
          error: raced.error instanceof Error ? raced.error.message : String(raced.error),
        });
      }
      await ack({ options: [] });
    },
  );
}
