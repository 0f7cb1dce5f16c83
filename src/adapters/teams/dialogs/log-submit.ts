import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { editInputFromFields, logInputFromFields } from '../../../core/forms/log-form-rules.js';
import {
  editInteractionSchema,
  logInteractionSchema,
} from '../../../core/interactions/interaction.schemas.js';
import { assertCanWrite } from '../../../core/shared/actor.js';
import { type FieldErrors, ValidationError } from '../../../core/shared/errors.js';
import { parseInput } from '../../../core/shared/zod.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { adaptiveCard, execute, text } from '../cards/card-kit.js';
import { logDialogCard } from '../cards/log-dialog-card.js';
import { loggedCard, loggedSentence } from '../cards/logged-card.js';
import type { TeamsDeps } from '../deps.js';
import { Verb } from '../ids.js';
import { truncate, userText } from '../limits.js';
import { type DialogValues, logFormFields } from './dialog-fields.js';
import { dialogState } from './log-dialog.js';

/** What a submitted dialog leads to: the same dialog with errors, or a confirmation to post. */
export type SubmitOutcome =
  | { kind: 'invalid'; card: IAdaptiveCard }
  /** `card` is posted in the conversation; a replayed submission posts nothing again. */
  | { kind: 'done'; message: string; card?: IAdaptiveCard };

interface Submission {
  key: string;
  values: DialogValues;
  sourceLink?: string | undefined;
  interactionId?: string | undefined;
  /** F13 "Log the follow-up": the interaction whose follow-up the log closes. */
  closesFollowUpOf?: string | undefined;
  /** Submitted from the inline form card: errors come back in the same card. */
  inline?: boolean;
}

async function invalid(
  tenant: Tenant,
  deps: TeamsDeps,
  mode: 'log' | 'edit',
  submission: Submission,
  errors: FieldErrors,
) {
  const state = await dialogState(tenant, deps, {
    mode,
    submissionKey: submission.key,
    values: submission.values,
    errors,
    ...(submission.interactionId ? { interactionId: submission.interactionId } : {}),
    ...(submission.sourceLink ? { sourceLink: submission.sourceLink } : {}),
    ...(submission.closesFollowUpOf ? { closesFollowUpOf: submission.closesFollowUpOf } : {}),
    ...(submission.inline ? { inline: true } : {}),
  });
  return { kind: 'invalid', card: logDialogCard(state) } as const;
}

/** Runs `write`; a validation refusal comes back as inline errors, anything else is thrown. */
async function refusedAsErrors<T>(
  write: () => T | Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors }> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: error.fieldErrors };
    throw error;
  }
}

/**
 * F1–F5 submitted: form-only mistakes and the core's own rules come back under their fields
 * with nothing written; then one log call keyed by the dialog's submission key, so a
 * resubmitted dialog (double click, retry) never logs twice.
 */
export async function submitLogDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  submission: Submission,
): Promise<SubmitOutcome> {
  assertCanWrite(tenant.actor);
  const { container } = deps;
  const { timeZone } = personalTime(tenant);
  const { input, errors } = logInputFromFields(logFormFields(submission.values), {
    idempotencyKey: submission.key,
    timeZone,
    ...(submission.sourceLink ? { source: { kind: 'chat-message', link: submission.sourceLink } } : {}),
    ...(submission.closesFollowUpOf ? { closesFollowUpOf: submission.closesFollowUpOf } : {}),
  });
  if (Object.keys(errors).length > 0) return invalid(tenant, deps, 'log', submission, errors);
  const checked = await refusedAsErrors(() => parseInput(logInteractionSchema(container.clock.now()), input));
  if (!checked.ok) return invalid(tenant, deps, 'log', submission, checked.errors);
  const logged = await refusedAsErrors(() => container.interactions.logInteraction(tenant.actor, input));
  if (!logged.ok) return invalid(tenant, deps, 'log', submission, logged.errors);
  const result = logged.value;
  const message = loggedSentence(result);
  const card = loggedCard(result, tenant.actor);
  return result.replayed ? { kind: 'done', message } : { kind: 'done', message, card };
}

/** F7 submitted: the same checks, then the edit use case (author or owner only). */
export async function submitEditDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  submission: Submission,
): Promise<SubmitOutcome> {
  const id = submission.interactionId ?? '';
  const original = await deps.container.interactions.getEditableInteraction(tenant.actor, { id });
  const { container } = deps;
  const { timeZone } = personalTime(tenant);
  const dueAt = original.followUp?.status === 'open' ? original.followUp.dueAt : undefined;
  const { contactIds: _ignored, ...fields } = logFormFields(submission.values);
  const { input, errors } = editInputFromFields(
    fields,
    { id, occurredAt: original.occurredAt, ...(dueAt ? { dueAt } : {}) },
    timeZone,
  );
  if (Object.keys(errors).length > 0) return invalid(tenant, deps, 'edit', submission, errors);
  const checked = await refusedAsErrors(() =>
    parseInput(editInteractionSchema(container.clock.now()), input),
  );
  if (!checked.ok) return invalid(tenant, deps, 'edit', submission, checked.errors);
  const edited = await refusedAsErrors(() => container.interactions.editInteraction(tenant.actor, input));
  if (!edited.ok) return invalid(tenant, deps, 'edit', submission, edited.errors);
  const saved = edited.value;
  const sentence = (cut: (text: string, max: number) => string) =>
    `Saved: ${cut(saved.type, 60)} with ${cut(saved.contactName, 80)}.`;
  return {
    kind: 'done',
    message: sentence(truncate),
    card: adaptiveCard(
      [text(`✏️ ${sentence(userText)}`, { weight: 'Bolder' })],
      [execute('Timeline', Verb.timelineOpen, { ref: { k: 'contact', s: saved.contactId } })],
    ),
  };
}
