import type { WebClient } from '@slack/web-api';
import type { ResultQuery } from '../../../../core/queries/result-query.js';
import { assertCanWrite } from '../../../../core/shared/actor.js';
import { personalTime, workspaceTime } from '../../../../core/workspaces/personal-time.js';
import { editFormView } from '../../blocks/edit-form.js';
import { type FilterFormInitial, type FilterFormTarget, filterFormView } from '../../blocks/filter-form.js';
import { type LogFormPrefill, logFormView } from '../../blocks/log-form.js';
import { settingsView } from '../../blocks/settings-form.js';
import { CallbackId } from '../../ids.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { loadContactChoices } from './contact-choice.js';
import { openThenFill } from './open-then-fill.js';
import { openModal, type ReplyTarget } from './replies.js';

/**
 * Opening the interaction, filter and settings modals, for every surface that offers them: refused
 * before anything opens when the person may not use the form, at most one read before views.open
 * (trigger ids expire within 3 s), and the view built by a pure builder in blocks/.
 */

/** One indexed read (who wrote it, what to prefill), then views.open. */
export async function openEditForm(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  deps: SlackDeps,
  interactionId: string,
  target: ReplyTarget,
): Promise<void> {
  // Refused here (gone, or not theirs), before a form they could not submit; the core checks
  // again on save. The error reaches the global handler, which replies.
  const interaction = await deps.container.interactions.getEditableInteraction(tenant.actor, {
    id: interactionId,
  });
  await openModal(
    client,
    triggerId,
    editFormView(tenant, interaction, target.channelId),
    target,
    deps.container.logger,
  );
}

/**
 * Opens the filter form. views.open is the first Slack call; the only read before it is the
 * organisation's name when a refined list is filtered by one (one indexed lookup). An expired
 * trigger gets a "try again" (openModal) rather than silence.
 */
export async function openFilterForm(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  deps: SlackDeps,
  options: { target: FilterFormTarget; query?: ResultQuery },
): Promise<void> {
  const { query } = options;
  const organisationId = query?.filter.organisationId;
  const organisation = organisationId
    ? await deps.container.contacts.findOrganisation(tenant.actor, { id: organisationId })
    : null;
  const initial: FilterFormInitial | undefined = query
    ? { query, ...(organisation ? { organisationName: organisation.name } : {}) }
    : undefined;
  const { timeZone } = personalTime(tenant);
  const view = filterFormView(tenant.workspace.settings, options.target, timeZone, initial);
  const target = {
    userId: tenant.actor.userId,
    ...(options.target.ch ? { channelId: options.target.ch } : {}),
  };
  await openModal(client, triggerId, view, target, deps.container.logger);
}

/**
 * Opens the log form (one or many contacts), prefilled as asked. Viewers are told they cannot
 * log instead of getting a form they could not submit. The only work before views.open is the
 * lookup of preselected contacts' names, one indexed read, skipped when the caller has them.
 */
export async function openLogForm(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  deps: SlackDeps,
  prefill: LogFormPrefill = {},
): Promise<void> {
  assertCanWrite(tenant.actor);
  const contacts = prefill.contacts ?? (await loadContactChoices(deps, tenant, prefill.contactIds ?? []));
  const view = logFormView(tenant, deps.container.clock.now(), prefill, contacts);
  const target = {
    userId: tenant.actor.userId,
    ...(prefill.channelId ? { channelId: prefill.channelId } : {}),
  };
  await openModal(client, triggerId, view, target, deps.container.logger);
}

/**
 * `/interaction settings` (F16), workspace admins only. Non-admins are refused before anything
 * opens: the core's ForbiddenError reaches the global error handler, which answers ephemerally.
 * The form is filled after opening (settings and members are read fresh, not from the cache).
 */
export async function openSettingsForm(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  deps: SlackDeps,
): Promise<void> {
  const { workspaces } = deps.container;
  await workspaces.requireOwner(tenant.actor);
  await openThenFill(
    client,
    triggerId,
    { callbackId: CallbackId.settingsForm, title: 'Settings', target: { userId: tenant.actor.userId } },
    async () => {
      const [settings, members] = await Promise.all([
        workspaces.getSettings(tenant.actor),
        workspaces.listMembers(tenant.actor),
      ]);
      // The report time is on the workspace's clock: named when that is not the admin's own.
      const reportClock = workspaceTime({
        workspace: { ...tenant.workspace, settings },
        actor: tenant.actor,
      });
      return settingsView(settings, members, reportClock);
    },
    deps.container.logger,
  );
}
