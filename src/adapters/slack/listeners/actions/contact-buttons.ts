import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { ContactButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import { replyToUser } from '../support/contact-replies.js';
import type { ButtonArgs } from '../support/listener-args.js';
import { openContactForm, openMergeForm } from '../support/open-contact-forms.js';
import { openLogForm } from '../support/open-forms.js';
import { timelineMessage } from '../support/timeline-message.js';

/**
 * A contact's buttons, wherever they are shown (find results, "contact saved", merge result, the
 * Home search modal): Log interaction, See all interactions, Edit, Merge. Each acks first; the
 * ones opening a modal use the trigger_id before any database work. Refusals (a viewer, a
 * deleted contact) reach the global error handler, which answers the user.
 */
function contactButton(
  work: (args: ButtonArgs, tenant: Tenant, contactId: string, deps: SlackDeps) => Promise<void>,
) {
  return async (args: ButtonArgs, deps: SlackDeps): Promise<void> => {
    await args.ack();
    const tenant = tenantOf(args.context);
    const { c } = decodeValue(ContactButtonValue.contact, args.action.value);
    await work(args, tenant, c, deps);
  };
}

export const onContactLog = contactButton(({ body, client }, tenant, contactId, deps) =>
  openLogForm(client, body.trigger_id, tenant, deps, {
    contactIds: [contactId],
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
  }),
);

export const onContactEdit = contactButton(({ body, client }, tenant, contactId, deps) =>
  openContactForm(client, body.trigger_id, tenant, deps, {
    contactId,
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
  }),
);

export const onContactMerge = contactButton(({ body, client }, tenant, contactId, deps) =>
  openMergeForm(client, body.trigger_id, tenant, deps, contactId),
);

export const onContactTimeline = contactButton(async ({ body, client, respond }, tenant, contactId, deps) => {
  const message = await timelineMessage(tenant, deps, { k: 'contact', s: contactId });
  await replyToUser(client, respond, body.response_url, tenant.actor.userId, message);
});
