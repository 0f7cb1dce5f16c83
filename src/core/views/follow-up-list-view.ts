import type { Interaction } from '../interactions/interaction.js';
import type { Actor } from '../shared/actor.js';
import { type FollowUpView, hasFollowUp, presentFollowUp } from './follow-up-view.js';

/**
 * The `followups` list, decided once for Slack and Teams (docs/product.md, F13): every open
 * follow-up of the person, not only those due today — overdue first, then the upcoming ones,
 * soonest first. A person wants to see what is coming; next week's follow-up is theirs to plan.
 */
export const FOLLOW_UP_LIST_QUERY = { scope: 'open', limit: 50 } as const;

export interface FollowUpListView {
  /** Overdue first, then upcoming; each group soonest first. */
  items: FollowUpView[];
  overdue: number;
  /** The read hit its limit: there may be more than `items`. */
  more: boolean;
}

/** `interactions` as `listMyFollowUps(actor, FOLLOW_UP_LIST_QUERY)` returned them. */
export function presentFollowUpList(actor: Actor, interactions: Interaction[], now: Date): FollowUpListView {
  // Re-checked here because the list is personal: someone else's follow-up would be a leak.
  const items = interactions
    .filter(hasFollowUp)
    .filter((interaction) => interaction.followUp.status === 'open')
    .filter((interaction) => interaction.followUp.assigneeId === actor.userId)
    .map((interaction) => presentFollowUp(interaction, now))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.getTime() - b.dueAt.getTime());
  return {
    items,
    overdue: items.filter((view) => view.overdue).length,
    more: interactions.length >= FOLLOW_UP_LIST_QUERY.limit,
  };
}
