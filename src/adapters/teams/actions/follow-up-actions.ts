import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { Interaction } from '../../../core/interactions/interaction.js';
import { FOLLOW_UP_LIST_QUERY, presentFollowUpList } from '../../../core/views/follow-up-list-view.js';
import { hasFollowUp, presentReminder } from '../../../core/views/follow-up-view.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import { followUpsCard } from '../cards/followups-card.js';
import { reminderCard } from '../cards/reminder-card.js';
import type { TeamsDeps } from '../deps.js';
import { Verb } from '../ids.js';
import type { CardAction } from '../payloads/card-actions.js';
import { cardResponse } from './responses.js';

/**
 * F13 Done / Snooze on a reminder DM (or the follow-ups card): the same use cases as Slack, and
 * the card comes back updated in place — done without buttons, snoozed with its new time.
 */
export async function followUpAction(
  action: Extract<CardAction, { verb: typeof Verb.followUpDone | typeof Verb.followUpSnooze }>,
  tenant: Tenant,
  deps: TeamsDeps,
): Promise<AdaptiveCardActionResponse> {
  const { container } = deps;
  const { actor } = tenant;
  const options = personalTime(tenant);
  let updated: Interaction;
  let inList = false;
  if (action.verb === Verb.followUpDone) {
    const { id, list } = action.data;
    inList = list === true;
    updated = await container.followUps.markDone(actor, { interactionId: id });
  } else {
    const { id, preset, list } = action.data;
    inList = list === true;
    updated = await container.followUps.snooze(actor, { interactionId: id, preset });
  }
  const now = container.clock.now();
  if (inList) {
    const open = await container.followUps.listMyFollowUps(actor, FOLLOW_UP_LIST_QUERY);
    return cardResponse(followUpsCard(presentFollowUpList(actor, open, now), options));
  }
  if (!hasFollowUp(updated))
    throw new Error('A follow-up action returned an interaction without a follow-up');
  return cardResponse(reminderCard(presentReminder(updated, now), options));
}
