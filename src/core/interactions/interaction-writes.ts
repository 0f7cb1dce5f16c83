import { auditEntry } from '../audit/audit-entry.js';
import { type FollowUpReminder, reminderFor } from '../followups/follow-up-scheduler.port.js';
import type { Actor } from '../shared/actor.js';
import { type InteractionServiceDeps, loadInteraction } from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import type { InteractionPatch } from './interaction.repository.port.js';

type WriteDeps = Pick<InteractionServiceDeps, 'interactions' | 'audit' | 'clock' | 'ids' | 'logger'>;

/** Every field `update` can write, as it was: applying it undoes an update. */
function restorePatch(before: Interaction): InteractionPatch {
  return {
    type: before.type,
    actions: before.actions,
    description: before.description,
    occurredAt: before.occurredAt,
    important: before.important,
    followUp: before.followUp,
    visitAddress: before.visitAddress,
    direction: before.direction,
    channel: before.channel,
    attachments: before.attachments,
    contactId: before.contactId,
    contactName: before.contactName,
    organisationId: before.organisationId,
    updatedAt: before.updatedAt,
  };
}

/**
 * Applies a patch and records `interaction.updated` with before/after. If the audit entry
 * cannot be written the record is put back as it was, so no change goes unaudited.
 */
export async function updateWithAudit(
  deps: WriteDeps,
  actor: Actor,
  before: Interaction,
  patch: InteractionPatch,
  unset: (keyof Interaction)[] = [],
): Promise<Interaction> {
  const after = await deps.interactions.update(actor.workspaceId, before.id, patch, unset);
  if (!after) return loadInteraction(deps, actor, before.id); // deleted meanwhile: not found
  try {
    await deps.audit.insertMany([
      auditEntry(deps, actor, 'interaction.updated', after.id, { before, after }),
    ]);
  } catch (error) {
    await deps.interactions.update(actor.workspaceId, before.id, restorePatch(before));
    throw error;
  }
  return after;
}

function sameReminder(a: FollowUpReminder, b: FollowUpReminder): boolean {
  return a.assigneeId === b.assigneeId && a.fireAt.getTime() === b.fireAt.getTime();
}

/**
 * Moves, creates or cancels the reminder after a change. The record is the source of truth
 * (a scheduler can rebuild its queue from open follow-ups), so a scheduler failure is logged
 * rather than undoing a write the user already saw succeed.
 */
export async function syncReminder(
  deps: Pick<InteractionServiceDeps, 'scheduler' | 'logger'>,
  before: Interaction | null,
  after: Interaction | null,
): Promise<void> {
  const previous = before ? reminderFor(before) : null;
  const next = after ? reminderFor(after) : null;
  try {
    if (next && (!previous || !sameReminder(previous, next))) await deps.scheduler.schedule([next]);
    else if (!next && previous) await deps.scheduler.cancel(previous.workspaceId, [previous.interactionId]);
  } catch (error) {
    deps.logger.error('Could not update the follow-up reminder', {
      interactionId: (after ?? before)?.id,
      error: String(error),
    });
  }
}

export async function scheduleReminders(
  deps: Pick<InteractionServiceDeps, 'scheduler' | 'logger'>,
  interactions: Interaction[],
): Promise<void> {
  const reminders = interactions.map(reminderFor).filter((r): r is FollowUpReminder => r !== null);
  if (reminders.length === 0) return;
  try {
    await deps.scheduler.schedule(reminders);
  } catch (error) {
    deps.logger.error('Could not schedule follow-up reminders', {
      count: reminders.length,
      error: String(error),
    });
  }
}
