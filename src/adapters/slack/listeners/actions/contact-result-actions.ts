import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { ContactActionId } from '../../ids.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { ContactButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import { replyToUser } from '../support/contact-replies.js';
import { openContactForm, openMergeForm } from '../support/open-contact-forms.js';
import { openLogForm } from '../support/open-forms.js';
import { timelineMessage } from '../support/timeline-message.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * A contact's buttons, wherever they are shown (find results, "contact saved", merge result, the
 * Home search modal): Log interaction, See all interactions, Edit, Merge. Each acks first; the
 * ones opening a modal use the trigger_id before any database work. Refusals (a viewer, a
 * deleted contact) reach the global error handler, which answers the user.
 */
export function registerContactResultActions(app: App, deps: SlackDeps): void {
  const on = (
    actionId: string,
    work: (args: ButtonArgs, tenant: Tenant, contactId: string) => Promise<void>,
  ) =>
    app.action<BlockAction<ButtonAction>>(actionId, async (args: ButtonArgs) => {
      await args.ack();
      const tenant = tenantOf(args.context);
      const { c } = decodeValue(ContactButtonValue.contact, args.action.value);
      await work(args, tenant, c);
    });

  on(ContactActionId.log, ({ body, client }, tenant, contactId) =>
    openLogForm(client, body.trigger_id, tenant, deps, {
      contactIds: [contactId],
      ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    }),
  );

  on(ContactActionId.edit, ({ body, client }, tenant, contactId) =>
    openContactForm(client, body.trigger_id, tenant, deps, {
      contactId,
      ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    }),
  );

  on(ContactActionId.merge, ({ body, client }, tenant, contactId) =>
    openMergeForm(client, body.trigger_id, tenant, deps, contactId),
  );

  on(ContactActionId.timeline, async ({ body, client, respond }, tenant, contactId) => {
    const message = await timelineMessage(tenant, deps, { k: 'contact', s: contactId });
    await replyToUser(client, respond, body.response_url, tenant.actor.userId, message);
  });
}
