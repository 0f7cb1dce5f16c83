import { randomUUID } from 'node:crypto';
import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { assertCanWrite } from '../../../core/shared/actor.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { noticeCard } from '../cards/card-kit.js';
import { contactDialogCard } from '../cards/simple-dialogs.js';
import type { TeamsDeps } from '../deps.js';
import { dialogValues } from '../dialogs/dialog-fields.js';
import { openLogDialog } from '../dialogs/log-dialog.js';
import { submitLogDialog } from '../dialogs/log-submit.js';
import { stringValues, submitContactDialog } from '../dialogs/simple-submits.js';
import { ContactField, Verb } from '../ids.js';
import type { CardAction } from '../payloads/card-actions.js';
import { cardResponse, messageResponse } from './responses.js';

type Send = (activity: IAdaptiveCard | string) => Promise<unknown>;

type InlineFormAction = Extract<
  CardAction,
  {
    verb:
      | typeof Verb.logHere
      | typeof Verb.logHereSubmit
      | typeof Verb.contactHere
      | typeof Verb.contactHereSubmit;
  }
>;

/** "Add here" and its Add button: the contact dialog's card and submit, inline. */
async function contactHereAction(
  action: Extract<CardAction, { verb: typeof Verb.contactHere | typeof Verb.contactHereSubmit }>,
  tenant: Tenant,
  deps: TeamsDeps,
): Promise<AdaptiveCardActionResponse> {
  assertCanWrite(tenant.actor);
  if (action.verb === Verb.contactHere) {
    return cardResponse(contactDialogCard({}, `teams-contact:${randomUUID()}`, undefined, { inline: true }));
  }
  const { submission } = action.data;
  const values = stringValues(action.data, Object.values(ContactField));
  const outcome = await submitContactDialog(tenant, deps, submission, values, { inline: true });
  if (outcome.kind === 'invalid') return cardResponse(outcome.card);
  return cardResponse(outcome.card ?? noticeCard(outcome.message));
}

/**
 * The log form inline in the conversation, for clients that open no dialogs (there is no way
 * to ask a client whether it can, so cards offer both). "Log here" shows the form — in place of
 * the clicked card, or below it for the help and welcome cards — and its Log button goes through
 * the dialog's own submit: the same form rules, use case and submission key, with the errors
 * under their fields in the same card and the dialog's confirmation in its place.
 */
export async function inlineFormAction(
  action: InlineFormAction,
  tenant: Tenant,
  deps: TeamsDeps,
  send: Send,
): Promise<AdaptiveCardActionResponse> {
  if (action.verb === Verb.contactHere || action.verb === Verb.contactHereSubmit) {
    return contactHereAction(action, tenant, deps);
  }
  if (action.verb === Verb.logHere) {
    const { contactIds, contactNames, asNew } = action.data;
    const form = await openLogDialog(tenant, deps, {
      ...(contactIds ? { contactIds } : {}),
      ...(contactNames ? { contactNames } : {}),
      inline: true,
    });
    if (!asNew) return cardResponse(form);
    await send(form);
    return messageResponse('The log form is below.');
  }
  const { submission, src } = action.data;
  const outcome = await submitLogDialog(tenant, deps, {
    key: submission,
    values: dialogValues(action.data),
    inline: true,
    ...(src ? { sourceLink: src } : {}),
  });
  if (outcome.kind === 'invalid') return cardResponse(outcome.card);
  return cardResponse(outcome.card ?? noticeCard(outcome.message));
}
