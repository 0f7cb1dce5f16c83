import type { BlockAction, RespondFn } from '@slack/bolt';
import type { Interaction } from '../../../../core/interactions/interaction.js';
import { presentContactTimeline } from '../../../../core/views/timeline-view.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { deleteConfirmView, fullDescriptionView } from '../../blocks/interaction-modals.js';
import { LIMITS, truncateText } from '../../blocks/limits.js';
import { timelineToBlocks } from '../../blocks/timeline-blocks.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { ButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonArgs, OverflowArgs } from '../support/listener-args.js';
import { openEditForm, openLogForm } from '../support/open-forms.js';
import { openModal, type ReplyTarget, tellUser } from '../support/replies.js';

/** Where to answer a click: its response_url when it came from a message, its channel, else a DM. */
function replyTarget(body: BlockAction, respond: RespondFn): ReplyTarget {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  return {
    userId: body.user.id,
    ...(typeof channelId === 'string' ? { channelId } : {}),
    ...(body.response_url ? { respond } : {}),
  };
}

function findInteraction(deps: SlackDeps, tenant: Tenant, id: string): Promise<Interaction> {
  return deps.container.interactions.getInteraction(tenant.actor, { id });
}

/**
 * The item overflow of timelines, lists and App Home (edit, delete, log follow-up) and "Show
 * more". Edit and delete are refused up front to anyone but the author or an admin (F17), with
 * the core's own message, so nobody fills in a form they cannot submit. Each path does at most
 * one indexed read before views.open. Refusals and "not found" reach the user through the
 * global error handler (ephemeral where the click came from, else a DM).
 */

export async function onItemMenu(
  { ack, body, action, client, context, respond }: OverflowArgs,
  deps: SlackDeps,
): Promise<void> {
  const { logger } = deps.container;
  await ack();
  const tenant = tenantOf(context);
  const { a, i } = decodeValue(ButtonValue.itemMenu, action.selected_option.value);
  const target = replyTarget(body, respond);
  switch (a) {
    case 'edit':
      await openEditForm(client, body.trigger_id, tenant, deps, i, target);
      return;
    case 'delete': {
      const interaction = await deps.container.interactions.getEditableInteraction(tenant.actor, {
        id: i,
      });
      const metadata = { i: interaction.id, ...(target.channelId ? { ch: target.channelId } : {}) };
      const view = deleteConfirmView(interaction, personalTime(tenant), metadata);
      await openModal(client, body.trigger_id, view, target, logger);
      return;
    }
    case 'followup': {
      const interaction = await findInteraction(deps, tenant, i);
      const label = truncateText(interaction.contactName || interaction.contactId, LIMITS.optionText);
      await openLogForm(client, body.trigger_id, tenant, deps, {
        contacts: [{ id: interaction.contactId, label }],
        ...(target.channelId ? { channelId: target.channelId } : {}),
      });
      return;
    }
  }
}

/** "Show more": the whole description in a modal. */
export async function onItemShowMore(
  { ack, body, action, client, context, respond }: ButtonArgs,
  deps: SlackDeps,
): Promise<void> {
  const { logger } = deps.container;
  await ack();
  const tenant = tenantOf(context);
  const { i } = decodeValue(ButtonValue.interaction, action.value);
  const interaction = await findInteraction(deps, tenant, i);
  const view = fullDescriptionView(interaction, personalTime(tenant));
  await openModal(client, body.trigger_id, view, replyTarget(body, respond), logger);
}

/** The "logged" confirmation's buttons: that contact's timeline, only for the one who clicked. */
export async function onLoggedOpenTimeline(
  { ack, body, action, client, context, respond }: ButtonArgs,
  deps: SlackDeps,
): Promise<void> {
  const { logger } = deps.container;
  await ack();
  const tenant = tenantOf(context);
  const { s } = decodeValue(ButtonValue.timeline, action.value);
  const timeline = await deps.container.interactions.contactTimeline(tenant.actor, {
    contactId: s,
    limit: 10,
  });
  const now = deps.container.clock.now();
  const view = presentContactTimeline(timeline.contact, timeline, tenant.actor, now);
  await tellUser(client, replyTarget(body, respond), timelineToBlocks(view, personalTime(tenant)), logger);
}
