import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { parseInteractionFilter } from '../../../core/interactions/interaction.service.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { noticeCard, text } from '../cards/card-kit.js';
import type { ViewContext } from '../cards/view-context.js';
import type { TeamsDeps } from '../deps.js';
import { describeError } from '../errors.js';
import { Verb } from '../ids.js';
import { userText } from '../limits.js';
import { type CardAction, cardActionActivity } from '../payloads/card-actions.js';
import { CARD_UNREADABLE, readPayload, unreadableMessage } from '../payloads/parse.js';
import { exportCardFor, listCardFor, timelineCardFor } from '../results/result-cards.js';
import type { TeamsTenancy } from '../tenant.js';
import { followUpAction } from './follow-up-actions.js';
import { inlineFormAction } from './inline-forms.js';
import { cardResponse, messageResponse } from './responses.js';

/** The card a context describes, at its page, optionally asking to confirm one item's deletion. */
export function renderContext(
  tenant: Tenant,
  deps: TeamsDeps,
  context: ViewContext,
  confirmingDeleteId?: string,
): Promise<IAdaptiveCard> {
  const state = { page: context.page, confirmingDeleteId };
  if (context.v === 'timeline') return timelineCardFor(tenant, deps, context.ref, state);
  const query = { filter: parseInteractionFilter(context.filter), sort: context.sort };
  return listCardFor(tenant, deps, query, state);
}

type Send = (activity: IAdaptiveCard | string) => Promise<unknown>;

async function answer(
  action: CardAction,
  tenant: Tenant,
  deps: TeamsDeps,
  send: Send,
): Promise<AdaptiveCardActionResponse> {
  switch (action.verb) {
    case Verb.timelinePage:
    case Verb.listPage:
    case Verb.itemDeleteCancel:
      return cardResponse(await renderContext(tenant, deps, action.data.ctx));
    case Verb.itemDelete: {
      const { id, ctx } = action.data;
      return cardResponse(await renderContext(tenant, deps, ctx, id));
    }
    case Verb.itemDeleteConfirm: {
      const { id, ctx } = action.data;
      const { deleted } = await deps.container.interactions.deleteInteraction(tenant.actor, { id });
      const card = await renderContext(tenant, deps, ctx);
      // Said on top of the refreshed card, as Slack says it: the item vanishing alone is easy to miss.
      const note = `🗑️ Deleted: ${userText(deleted.type, 60)} with ${userText(deleted.contactName, 100)}.`;
      return cardResponse({ ...card, body: [text(note, { weight: 'Bolder' }), ...(card.body ?? [])] });
    }
    case Verb.timelineOpen: {
      const { ref, asNew } = action.data;
      const card = await timelineCardFor(tenant, deps, ref);
      if (!asNew) return cardResponse(card);
      await send(card);
      return messageResponse('Timeline posted below.');
    }
    case Verb.exportList: {
      const { ctx } = action.data;
      if (ctx.v !== 'list') return messageResponse('Only lists can be exported.');
      const query = { filter: parseInteractionFilter(ctx.filter), sort: ctx.sort };
      await send(await exportCardFor(tenant, deps, query));
      return messageResponse('Export posted below.');
    }
    case Verb.followUpDone:
    case Verb.followUpSnooze:
      return followUpAction(action, tenant, deps);
    case Verb.logHere:
    case Verb.logHereSubmit:
    case Verb.contactHere:
    case Verb.contactHereSubmit:
      return inlineFormAction(action, tenant, deps, send);
    default:
      return cardResponse(noticeCard('This button is no longer supported. Run the command again.'));
  }
}

/**
 * Action.Execute (`adaptiveCard/action`): paging, delete with confirmation, follow-up buttons.
 * The button's data is read by its verb's schema first; a card that does not parse changes nothing.
 * The answer is the refreshed card, shown in place; a refusal or failure replaces nothing and
 * is told as a short message on the card.
 */
export function registerCardActions(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  app.on('card.action', async (ctx) => {
    const { activity } = ctx;
    const parsed = readPayload(cardActionActivity, activity, deps.container.logger);
    if (!parsed.ok) return messageResponse(unreadableMessage(parsed.referenceId, CARD_UNREADABLE));
    try {
      const tenant = await tenancy.tenantOf(activity);
      return await answer(parsed.data.value.action, tenant, deps, (card) => ctx.send(card));
    } catch (error) {
      return messageResponse(describeError(error, activity, deps.container.logger).message);
    }
  });
}
