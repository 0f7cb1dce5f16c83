import { auditEntry } from '../audit/audit-entry.js';
import { type Actor, assertCanModify, assertCanWrite } from '../shared/actor.js';
import { parseInput } from '../shared/zod.js';
import { type InteractionServiceDeps, loadInteraction } from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import { deleteInteractionSchema } from './interaction.schemas.js';
import { syncReminder } from './interaction-writes.js';

/**
 * F7: author or owner. Irreversible for users — the record and its attachment references go —
 * but the audit trail keeps the record as it was. If the audit entry cannot be written the
 * record is put back, so no deletion goes unaudited. Cancels the reminder.
 */
export async function deleteInteraction(
  deps: InteractionServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<{ deleted: Interaction }> {
  assertCanWrite(actor);
  const { id } = parseInput(deleteInteractionSchema, input);
  const before = await loadInteraction(deps, actor, id);
  assertCanModify(actor, before.authorId);
  if (!(await deps.interactions.deleteById(actor.workspaceId, id))) {
    return { deleted: await loadInteraction(deps, actor, id) }; // deleted meanwhile: not found
  }
  try {
    await deps.audit.insertMany([auditEntry(deps, actor, 'interaction.deleted', id, { before })]);
  } catch (error) {
    await deps.interactions.insertMany([before]);
    throw error;
  }
  await syncReminder(deps, before, null);
  deps.logger.info('Interaction deleted', { workspaceId: actor.workspaceId, id });
  return { deleted: before };
}
