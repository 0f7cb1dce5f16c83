import { randomUUID } from 'node:crypto';
import type { Activity, TaskModuleResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { assertOwner } from '../../../core/shared/actor.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { FILTER_DIALOG_TITLE, filterDialogCard } from '../cards/filter-dialog-card.js';
import { contactDialogCard, settingsDialogCard } from '../cards/simple-dialogs.js';
import type { TeamsDeps } from '../deps.js';
import { describeError } from '../errors.js';
import { ContactField, Dialog, FilterField, FOLLOW_UP_OF_KEY, RoleField, SettingsField } from '../ids.js';
import {
  type DialogOpenData,
  type DialogSubmitData,
  dialogOpenActivity,
  dialogSubmitActivity,
} from '../payloads/dialogs.js';
import { readPayload, unreadableMessage } from '../payloads/parse.js';
import type { TeamsTenancy } from '../tenant.js';
import { dialogValues } from './dialog-fields.js';
import { submitFilterDialog } from './filter-dialog.js';
import { openEditDialog, openLogDialog } from './log-dialog.js';
import { type SubmitOutcome, submitEditDialog, submitLogDialog } from './log-submit.js';
import { openRolesDialog, submitRolesDialog } from './roles-dialog.js';
import { stringValues, submitContactDialog, submitSettingsDialog } from './simple-submits.js';

const TITLES: Record<string, string> = {
  [Dialog.log]: 'Log an interaction',
  [Dialog.edit]: 'Edit the interaction',
  [Dialog.contactAdd]: 'Add a contact',
  [Dialog.settings]: 'Workspace settings',
  [Dialog.roles]: 'People and roles',
  [Dialog.filter]: FILTER_DIALOG_TITLE,
};

export function continueWith(title: string, card: IAdaptiveCard): TaskModuleResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title,
        height: 'large',
        width: 'medium',
        card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
      },
    },
  };
}

export function closeWith(message: string): TaskModuleResponse {
  return { task: { type: 'message', value: message } };
}

function placeOf(activity: Activity) {
  const conversation = activity.conversation;
  const personal = conversation?.conversationType === 'personal';
  return {
    conversationId: conversation?.id ?? '',
    name: personal ? 'this chat' : (conversation?.name ?? 'this conversation'),
  };
}

async function openDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  activity: Activity,
  data: DialogOpenData,
): Promise<TaskModuleResponse> {
  switch (data.dialog) {
    case Dialog.edit:
      return continueWith(TITLES[Dialog.edit] ?? '', await openEditDialog(tenant, deps, data.id));
    case Dialog.contactAdd:
      return continueWith(
        TITLES[Dialog.contactAdd] ?? '',
        contactDialogCard({}, `teams-contact:${randomUUID()}`),
      );
    case Dialog.settings:
      assertOwner(tenant.actor);
      return continueWith(
        TITLES[Dialog.settings] ?? '',
        // Read fresh, like Slack's form: another process may have saved a moment ago.
        settingsDialogCard(
          await deps.container.workspaces.getSettings(tenant.actor),
          {},
          placeOf(activity).name,
        ),
      );
    case Dialog.roles:
      return continueWith(TITLES[Dialog.roles] ?? '', await openRolesDialog(tenant, deps));
    case Dialog.filter:
      return continueWith(FILTER_DIALOG_TITLE, filterDialogCard(tenant.workspace.settings.interactionTypes));
    default: {
      const contactIds = [...(data.contactIds ?? []), ...(data.contactId ? [data.contactId] : [])];
      const contactNames = data.contactNames ?? [];
      const closesFollowUpOf = data[FOLLOW_UP_OF_KEY];
      return continueWith(
        TITLES[Dialog.log] ?? '',
        await openLogDialog(tenant, deps, {
          contactIds,
          contactNames,
          ...(closesFollowUpOf ? { closesFollowUpOf } : {}),
        }),
      );
    }
  }
}

export async function submitDialog(
  tenant: Tenant,
  deps: TeamsDeps,
  activity: Activity,
  data: DialogSubmitData,
): Promise<SubmitOutcome> {
  switch (data.dialog) {
    case Dialog.edit:
      return submitEditDialog(tenant, deps, {
        key: data.key,
        values: dialogValues(data),
        interactionId: data.id,
      });
    case Dialog.contactAdd:
      return submitContactDialog(tenant, deps, data.key, stringValues(data, Object.values(ContactField)));
    case Dialog.settings:
      return submitSettingsDialog(
        tenant,
        deps,
        stringValues(data, Object.values(SettingsField)),
        placeOf(activity),
      );
    case Dialog.roles:
      return submitRolesDialog(tenant, deps, stringValues(data, Object.values(RoleField)));
    case Dialog.filter:
      return submitFilterDialog(tenant, deps, stringValues(data, Object.values(FilterField)));
    default: {
      const closesFollowUpOf = data[FOLLOW_UP_OF_KEY];
      return submitLogDialog(tenant, deps, {
        key: data.key,
        values: dialogValues(data),
        ...(data.src ? { sourceLink: data.src } : {}),
        ...(closesFollowUpOf ? { closesFollowUpOf } : {}),
      });
    }
  }
}

/**
 * Dialogs (task modules): `task/fetch` opens the log, edit, contact, settings, roles or filter dialog named in
 * the button's data; `task/submit` validates, writes once, closes with a confirmation posted
 * in the conversation — or answers with the same dialog and the reasons under the fields. The
 * button's data and the inputs are read by the dialog's schema first; unreadable, nothing runs.
 */
export function registerDialogs(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  const { logger } = deps.container;
  app.on('dialog.open', async (ctx) => {
    const parsed = readPayload(dialogOpenActivity, ctx.activity, logger);
    if (!parsed.ok) return closeWith(unreadableMessage(parsed.referenceId));
    try {
      const tenant = await tenancy.tenantOf(ctx.activity);
      return await openDialog(tenant, deps, ctx.activity, parsed.data.value.data);
    } catch (error) {
      return closeWith(describeError(error, ctx.activity, logger).message);
    }
  });
  app.on('dialog.submit', async (ctx) => {
    const parsed = readPayload(dialogSubmitActivity, ctx.activity, logger);
    if (!parsed.ok) return closeWith(unreadableMessage(parsed.referenceId));
    const data = parsed.data.value.data;
    try {
      const tenant = await tenancy.tenantOf(ctx.activity);
      const outcome = await submitDialog(tenant, deps, ctx.activity, data);
      if (outcome.kind === 'invalid')
        return continueWith(TITLES[data.dialog ?? Dialog.log] ?? 'Log an interaction', outcome.card);
      if (outcome.card) await ctx.send(outcome.card);
      return closeWith(outcome.message);
    } catch (error) {
      return closeWith(describeError(error, ctx.activity, logger).message);
    }
  });
}
