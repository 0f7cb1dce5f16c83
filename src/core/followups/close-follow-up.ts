import type { InteractionServiceDeps } from '../interactions/interaction.deps.js';
import type { FollowUp, Interaction } from '../interactions/interaction.js';
import { syncReminder, updateWithAudit } from '../interactions/interaction-writes.js';
import type { Actor } from '../shared/actor.js';
import { ForbiddenError } from '../shared/errors.js';

/** An interaction that carries a follow-up. */
export type WithFollowUp = Interaction & { followUp: FollowUp };

type CloseDeps = Pick<
  InteractionServiceDeps,
  'interactions' | 'audit' | 'scheduler' | 'clock' | 'ids' | 'logger'
>;

/** F13/F17: the assignee, the author or an owner may change a follow-up; nobody else. */
export function assertMayChangeFollowUp(actor: Actor, interaction: WithFollowUp): void {
  const involved = [interaction.followUp.assigneeId, interaction.authorId].includes(actor.userId);
  if (actor.role !== 'owner' && !involved) {
    throw new ForbiddenError('Only the assignee, the author or a workspace admin can change this follow-up.');
  }
}

/** Writes a follow-up change with its audit entry, and moves or cancels its queued reminder. */
export async function changeFollowUp(
  deps: CloseDeps,
  actor: Actor,
  before: WithFollowUp,
  followUp: FollowUp,
): Promise<Interaction> {
  const after = await updateWithAudit(deps, actor, before, { followUp, updatedAt: deps.clock.now() });
  await syncReminder(deps, before, after);
  return after;
}

/**
 * Marks the follow-up done (its reminder is cancelled). Idempotent: a follow-up already done is
 * returned as it is, so a double click or a replayed log closes it once. Authorisation is the
 * caller's (assertMayChangeFollowUp), checked before anything was written.
 */
export async function markFollowUpDone(
  deps: CloseDeps,
  actor: Actor,
  before: WithFollowUp,
): Promise<Interaction> {
  if (before.followUp.status === 'done') return before;
  const { snoozedUntil: _snooze, ...followUp } = before.followUp;
  return changeFollowUp(deps, actor, before, {
    ...followUp,
    status: 'done',
    doneAt: deps.clock.now(),
    doneBy: actor.userId,
  });
}
