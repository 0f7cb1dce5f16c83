import { randomUUID } from 'node:crypto';
import type { Activity, TaskModuleResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { assertOwner } from '../../../core/shared/actor.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { contactDialogCard, settingsDialogCard } from '../cards/simple-dialogs.js';
import type { TeamsDeps } from '../deps.js';
import { describeError } from '../errors.js';
import { ContactField, DIALOG_KEY, Dialog, FOLLOW_UP_OF_KEY, RoleField, SettingsField } from '../ids.js';
import type { TeamsTenancy } from '../tenant.js';
import { dialogValues } from './dialog-fields.js';
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

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The follow-up a log dialog closes, as its button or its submit carried it (the core checks it). */
function followUpOf(data: Record<string, unknown>): string | undefined {
  const id = data[FOLLOW_UP_OF_KEY];
  return typeof id === 'string' && id.length > 0 ? id : undefined;
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
  data: Record<string, unknown>,
): Promise<TaskModuleResponse> {
  const dialog = String(data[DIALOG_KEY] ?? Dialog.log);
  switch (dialog) {
    case Dialog.edit:
      return continueWith(
        TITLES[Dialog.edit] ?? '',
        await openEditDialog(tenant, deps, String(data.id ?? '')),
      );
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
    default: {
      const contactIds = [
        ...strings(data.contactIds),
        ...(typeof data.contactId === 'string' ? [data.contactId] : []),
      ];
      const contactNames = strings(data.contactNames);
      const closesFollowUpOf = followUpOf(data);
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
  data: Record<string, unknown>,
): Promise<SubmitOutcome> {
  const dialog = String(data[DIALOG_KEY] ?? '');
  const key = typeof data.key === 'string' ? data.key : '';
  switch (dialog) {
    case Dialog.edit:
      return submitEditDialog(tenant, deps, {
        key,
        values: dialogValues(data),
        interactionId: String(data.id ?? ''),
      });
    case Dialog.contactAdd:
      return submitContactDialog(tenant, deps, key, stringValues(data, Object.values(ContactField)));
    case Dialog.settings:
      return submitSettingsDialog(
        tenant,
        deps,
        stringValues(data, Object.values(SettingsField)),
        placeOf(activity),
      );
    case Dialog.roles:
      return submitRolesDialog(tenant, deps, stringValues(data, Object.values(RoleField)));
    default:
      return submitLogDialog(tenant, deps, {
        key,
        values: dialogValues(data),
        ...(typeof data.src === 'string' ? { sourceLink: data.src } : {}),
        ...(followUpOf(data) ? { closesFollowUpOf: followUpOf(data) } : {}),
      });
  }
}

/**
 * Dialogs (task modules): `task/fetch` opens the log, edit, contact, settings or roles dialog named in
 * the button's data; `task/submit` validates, writes once, closes with a confirmation posted
 * in the conversation — or answers with the same dialog and the reasons under the fields.
 */
export function registerDialogs(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  app.on('dialog.open', async (ctx) => {
    try {
      const tenant = await tenancy.tenantOf(ctx.activity);
      return await openDialog(tenant, deps, ctx.activity, record(ctx.activity.value.data));
    } catch (error) {
      return closeWith(describeError(error, ctx.activity, deps.container.logger).message);
    }
  });
  app.on('dialog.submit', async (ctx) => {
    const data = record(ctx.activity.value.data);
    try {
      const tenant = await tenancy.tenantOf(ctx.activity);
      const outcome = await submitDialog(tenant, deps, ctx.activity, data);
      if (outcome.kind === 'invalid')
        return continueWith(TITLES[String(data[DIALOG_KEY])] ?? 'Log an interaction', outcome.card);
      if (outcome.card) await ctx.send(outcome.card);
      return closeWith(outcome.message);
    } catch (error) {
      return closeWith(describeError(error, ctx.activity, deps.container.logger).message);
    }
  });
}
