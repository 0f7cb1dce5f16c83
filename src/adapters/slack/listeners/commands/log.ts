import { NAMED_CONTACTS_MAX, namedContacts } from '../../../../core/queries/timeline-subject.js';
import { assertCanWrite } from '../../../../core/shared/actor.js';
import { contactLabel } from '../../blocks/contact-label.js';
import { escapeAndTruncate } from '../../blocks/limits.js';
import { logFormView } from '../../blocks/log-form.js';
import { CallbackId } from '../../ids.js';
import type { ContactChoice } from '../../payloads/interaction-form-state.js';
import { openLogForm } from '../support/open-forms.js';
import { openThenFill } from '../support/open-then-fill.js';
import type { CommandContext } from './command-context.js';

/** The search's own maximum; longer text cannot name a contact. */
const QUERY_LENGTH_MAX = 100;
/** How much of the typed names the "Looking up…" placeholder repeats. */
const LOOKING_UP_NAMES_MAX = 200;

/** How much of the names left to the picker the form's notice repeats. */
const UNRESOLVED_NAMES_MAX = 300;

/** The log form with the contacts the typed names designate (the core's rule) preselected. */
async function namedLogForm(ctx: CommandContext, queries: readonly string[]) {
  const { tenant, deps, command } = ctx;
  const { contacts, unresolved } = await namedContacts(tenant, deps, queries);
  const choices: ContactChoice[] = contacts.map((match) => ({ id: match.id, label: contactLabel(match) }));
  const names = escapeAndTruncate(unresolved.join(', '), UNRESOLVED_NAMES_MAX).text;
  const notice = unresolved.length > 0 ? `Not found or ambiguous: ${names}. Pick them below.` : undefined;
  return logFormView(
    tenant,
    deps.container.clock.now(),
    { channelId: command.channel_id, ...(notice ? { notice } : {}) },
    choices,
  );
}

/**
 * `/interaction log [contact…]`: the log form with every contact the text names unambiguously
 * preselected (ambiguous names are left for the form). The trigger_id lives 3 seconds and a
 * burst of commands can make searches slow, so with names typed a "Looking up…" modal opens
 * first and the searches fill the form afterwards (a fresh form, so Slack shows the
 * preselection; an input's initial value is ignored by an update that keeps its ids).
 */
export async function logCommand(ctx: CommandContext, queries: readonly string[]): Promise<void> {
  const { tenant, deps, command } = ctx;
  const searched = queries.slice(0, NAMED_CONTACTS_MAX).filter((query) => query.length <= QUERY_LENGTH_MAX);
  if (searched.length === 0) {
    await openLogForm(ctx.client, command.trigger_id, tenant, deps, { channelId: command.channel_id });
    return;
  }
  // A viewer is told at once, instead of watching a form load that they could not submit.
  assertCanWrite(tenant.actor);
  const names = escapeAndTruncate(searched.join(', '), LOOKING_UP_NAMES_MAX).text;
  await openThenFill(
    ctx.client,
    command.trigger_id,
    {
      callbackId: CallbackId.logForm,
      title: 'Log an interaction',
      text: `:mag: Looking up ${names}…`,
      target: { userId: tenant.actor.userId, channelId: command.channel_id },
    },
    () => namedLogForm(ctx, queries),
    deps.container.logger,
  );
}
