import { isDomainError } from '../../../../core/shared/errors.js';
import { settingsErrors, timeZoneOptions } from '../../blocks/settings-fields.js';
import { SettingsFormField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { readSettingsForm } from '../../payloads/settings-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import type { SubmitArgs, SuggestionArgs } from '../support/listener-args.js';

/**
 * F16 settings form. The time zone picker is an external_select (Slack allows 100 options per
 * list, and there are ~420 zones), so its suggestions are served here with the form they belong to.
 */
export async function suggestTimeZones({ ack, body }: SuggestionArgs): Promise<void> {
  await ack({ options: timeZoneOptions(body.value) });
}

/**
 * Saves the settings and the role change, if one was asked for, all or nothing: the core checks
 * owner, every field and the role change before writing either, and a refusal is shown on its
 * input with nothing saved. The core tells the tenant cache of each write, so the next request
 * already sees the change; the report scheduler picks up a new day/time/channel from the settings.
 */
export async function submitSettings({ ack, view, context }: SubmitArgs, deps: SlackDeps): Promise<void> {
  const tenant = tenantOf(context);
  const submission = readSettingsForm(formStateOf(view));
  if (submission.roleProblem) {
    await ack({ response_action: 'errors', errors: submission.roleProblem });
    return;
  }
  try {
    await deps.container.workspaces.updateSettingsAndRole(tenant.actor, {
      settings: submission.settings,
      ...(submission.role ? { role: submission.role } : {}),
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ack({
      response_action: 'errors',
      errors: settingsErrors(error, SettingsFormField.interactionTypes),
    });
    return;
  }
  await ack();
}
