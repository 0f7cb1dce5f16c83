import { contactDisplayName } from '../../../core/contacts/contact.js';
import { createContactSchema } from '../../../core/contacts/contact.schemas.js';
import { splitTags } from '../../../core/forms/log-form-rules.js';
import { assertCanWrite, assertOwner } from '../../../core/shared/actor.js';
import { ValidationError } from '../../../core/shared/errors.js';
import { parseInput } from '../../../core/shared/zod.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { adaptiveCard, execute, text } from '../cards/card-kit.js';
import { contactDialogCard, settingsDialogCard } from '../cards/simple-dialogs.js';
import type { TeamsDeps } from '../deps.js';
import { ContactField as C, SettingsField as S, Verb } from '../ids.js';
import { truncate, userText } from '../limits.js';
import type { SubmitOutcome } from './log-submit.js';

type Values = Record<string, string | undefined>;

export function stringValues(data: Record<string, unknown>, ids: readonly string[]): Values {
  return Object.fromEntries(
    ids.map((id) => [id, typeof data[id] === 'string' ? (data[id] as string) : undefined]),
  );
}

/**
 * F11 "Add a contact" submitted. The core's schema runs first (errors back in the dialog, nothing
 * written); then one claim per dialog, so a double submit adds the contact once.
 */
export async function submitContactDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  key: string,
  values: Values,
  options: { inline?: boolean } = {},
): Promise<SubmitOutcome> {
  assertCanWrite(tenant.actor);
  const { container } = deps;
  const input = {
    firstName: values[C.firstName]?.trim() ?? '',
    lastName: values[C.lastName]?.trim() ?? '',
    emails: values[C.email]?.trim() ? [values[C.email]?.trim()] : [],
    phones: values[C.phone]?.trim() ? [values[C.phone]?.trim()] : [],
    ...(values[C.organisation]?.trim() ? { organisation: values[C.organisation]?.trim() } : {}),
  };
  try {
    parseInput(createContactSchema, input);
    const claimed = await container.exactlyOnce.claim(tenant.actor, 'teams-contact-dialog', key);
    if (!claimed)
      return {
        kind: 'done',
        message: 'This contact was already added.',
        card: adaptiveCard([text('This contact was already added.')]),
      };
    const contact = await container.contacts.createContact(tenant.actor, input);
    const name = contactDisplayName(contact);
    return {
      kind: 'done',
      message: `Added ${truncate(name, 100)}.`,
      card: adaptiveCard(
        [text(`✅ Added contact ${userText(name, 100)}`, { weight: 'Bolder' })],
        [execute('Timeline', Verb.timelineOpen, { ref: { k: 'contact', s: contact.id } })],
      ),
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { kind: 'invalid', card: contactDialogCard(values, key, error.fieldErrors, options) };
  }
}

export interface SettingsPlace {
  conversationId: string;
  name: string;
}

/** F16 settings submitted (owners only); "post here" makes this conversation the report channel. */
export async function submitSettingsDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  values: Values,
  place: SettingsPlace,
): Promise<SubmitOutcome> {
  assertOwner(tenant.actor);
  const weekday = Number(values[S.reportWeekday]);
  const patch = {
    ...(values[S.timezone] ? { timezone: values[S.timezone] } : {}),
    ...(values[S.dateFormat] ? { dateFormat: values[S.dateFormat] } : {}),
    ...(values[S.interactionTypes] !== undefined
      ? { interactionTypes: splitTags(values[S.interactionTypes]) }
      : {}),
    ...(values[S.actions] !== undefined ? { actions: splitTags(values[S.actions]) } : {}),
    ...(values[S.defaultRole] ? { defaultRole: values[S.defaultRole] } : {}),
    report: {
      enabled: values[S.reportEnabled] === 'true',
      ...(Number.isInteger(weekday) && weekday > 0 ? { weekday } : {}),
      ...(values[S.reportTime] ? { time: (values[S.reportTime] ?? '').slice(0, 5) } : {}),
      ...(values[S.reportHere] === 'true' ? { channelId: place.conversationId } : {}),
    },
  };
  try {
    await deps.container.workspaces.updateSettings(tenant.actor, patch);
    return {
      kind: 'done',
      message: 'Settings saved.',
      card: adaptiveCard([text('⚙️ Settings saved.', { weight: 'Bolder' })]),
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return {
      kind: 'invalid',
      card: settingsDialogCard(tenant.workspace.settings, values, place.name, error.fieldErrors),
    };
  }
}
