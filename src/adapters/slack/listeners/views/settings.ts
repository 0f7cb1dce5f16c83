import type {
  AllMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { isDomainError } from '../../../../core/shared/errors.js';
import { settingsErrors, timeZoneOptions } from '../../blocks/settings-fields.js';
import { SettingsFormField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { readSettingsForm } from '../../payloads/settings-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type SuggestionArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/**
 * F16 settings form. The time zone picker is an external_select (Slack allows 100 options per
 * list, and there are ~420 zones), so its suggestions are served here with the form they belong to.
 */
export async function suggestTimeZones({ ack, body }: SuggestionArgs): Promise<void> {
  await ack({ options: timeZoneOptions(body.value) });
}

/**
 * Saves the settings (the core checks owner and every field before writing), then the role
 * change if one was asked for. A refusal is shown on its input. The core tells the tenant cache
 * of each write, so the next request already sees the change; the report scheduler picks up a
 * new day/time/channel from the saved settings.
 */
export async function submitSettings({ ack, view, context }: SubmitArgs, deps: SlackDeps): Promise<void> {
  const tenant = tenantOf(context);
  const { workspaces } = deps.container;
  const submission = readSettingsForm(formStateOf(view));
  if (submission.roleProblem) {
    await ack({ response_action: 'errors', errors: submission.roleProblem });
    return;
  }
  try {
    await workspaces.updateSettings(tenant.actor, submission.settings);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ack({
      response_action: 'errors',
      errors: settingsErrors(error, SettingsFormField.interactionTypes),
    });
    return;
  }
  if (submission.role) {
    try {
      await workspaces.setRole(tenant.actor, submission.role);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const errors = settingsErrors(error, SettingsFormField.roleUser);
      for (const key of Object.keys(errors)) errors[key] = `${errors[key]} (The other settings were saved.)`;
      await ack({ response_action: 'errors', errors });
      return;
    }
  }
  await ack();
}
