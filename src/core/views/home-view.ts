import type { Interaction } from '../interactions/interaction.js';
import { type Actor, canWrite } from '../shared/actor.js';
import { type FollowUpView, hasFollowUp, presentFollowUp } from './follow-up-view.js';
import { type InteractionItemView, presentInteraction } from './interaction-item.js';

/** F12 App Home: my open follow-ups (overdue first) and my recent interactions. */
export interface HomeView {
  userId: string;
  /** Open, assigned to me, fire time passed; oldest first so the most urgent leads. */
  overdue: FollowUpView[];
  /** Open, assigned to me, still ahead; soonest first. */
  upcoming: FollowUpView[];
  recent: InteractionItemView[];
  canLog: boolean;
}

export interface HomeData {
  /** Open follow-ups assigned to the actor, as listFollowUps returns them. */
  followUps: Interaction[];
  /** The actor's latest interactions, newest first. */
  recent: Interaction[];
}

export function presentHome(actor: Actor, data: HomeData, now: Date): HomeView {
  // Re-checked here because the home is personal: showing someone else's follow-up would be a leak.
  const mine = data.followUps
    .filter(hasFollowUp)
    .filter((interaction) => interaction.followUp.status === 'open')
    .filter((interaction) => interaction.followUp.assigneeId === actor.userId)
    .map((interaction) => presentFollowUp(interaction, now))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return {
    userId: actor.userId,
    overdue: mine.filter((followUp) => followUp.overdue),
    upcoming: mine.filter((followUp) => !followUp.overdue),
    recent: data.recent.map((interaction) => presentInteraction(interaction, actor, now, 'date')),
    canLog: canWrite(actor),
  };
}
