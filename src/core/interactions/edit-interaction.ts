import { type Actor, assertCanModify, assertCanWrite } from '../shared/actor.js';
import { ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/zod.js';
import {
  addToWorkspaceLists,
  assertAssignable,
  type InteractionServiceDeps,
  isVisit,
  loadInteraction,
  loadWorkspace,
  matchList,
} from './interaction.deps.js';
import type { FollowUp, Interaction } from './interaction.js';
import type { InteractionPatch } from './interaction.repository.port.js';
import {
  type EditInteractionInput,
  editInteractionSchema,
  followUpDueAtProblem,
} from './interaction.schemas.js';
import { syncReminder, updateWithAudit } from './interaction-writes.js';

const EDITABLE = [
  'type',
  'actions',
  'description',
  'occurredAt',
  'important',
  'followUp',
  'visitAddress',
  'direction',
  'channel',
] as const satisfies readonly (keyof InteractionPatch & keyof Interaction)[];

function copyField<K extends keyof InteractionPatch>(to: InteractionPatch, from: InteractionPatch, key: K) {
  to[key] = from[key];
}

/** Edit forms re-send every field: keep only real changes, so the audit shows what changed. */
function changesOnly(before: Interaction, patch: InteractionPatch): InteractionPatch {
  const changes: InteractionPatch = { updatedAt: patch.updatedAt };
  for (const key of EDITABLE) {
    if (patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(before[key])) {
      copyField(changes, patch, key);
    }
  }
  return changes;
}

/** The follow-up after the edit: undefined = unchanged, null = removed. */
async function nextFollowUp(
  deps: InteractionServiceDeps,
  actor: Actor,
  before: Interaction,
  requested: EditInteractionInput['followUp'],
  now: Date,
): Promise<FollowUp | null | undefined> {
  if (requested === undefined) return undefined;
  if (requested === null) return before.followUp ? null : undefined;
  const current = before.followUp;
  const assigneeId = requested.assigneeId ?? current?.assigneeId ?? before.authorId;
  const sameDate = current?.dueAt.getTime() === requested.dueAt.getTime();
  if (current && sameDate && current.assigneeId === assigneeId) return undefined;
  const problem = sameDate ? undefined : followUpDueAtProblem(requested.dueAt, now);
  if (problem) {
    throw new ValidationError({ 'followUp.dueAt': problem });
  }
  if (assigneeId !== current?.assigneeId) {
    await assertAssignable(deps, actor, assigneeId, 'followUp.assigneeId');
  }
  // A new date is a new follow-up (open again, no snooze); a new assignee alone keeps the rest.
  return current && sameDate
    ? { ...current, assigneeId }
    : { dueAt: requested.dueAt, assigneeId, status: 'open' };
}

/** F7: author or owner. Moves or cancels the reminder when the follow-up changed. */
export async function editInteraction(
  deps: InteractionServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<Interaction> {
  assertCanWrite(actor);
  const now = deps.clock.now();
  const data = parseInput(editInteractionSchema(now), input);
  const before = await loadInteraction(deps, actor, data.id);
  assertCanModify(actor, before.authorId);

  const patch: InteractionPatch = { updatedAt: now };
  const unset: (keyof Interaction)[] = [];
  const added = { interactionTypes: [] as string[], actions: [] as string[] };
  if (data.type !== undefined || data.actions !== undefined) {
    const { settings } = await loadWorkspace(deps, actor);
    if (data.type !== undefined) {
      const type = matchList([data.type], settings.interactionTypes);
      patch.type = type.values[0]!;
      added.interactionTypes = type.added;
    }
    if (data.actions !== undefined) {
      const actions = matchList(data.actions, settings.actions);
      patch.actions = actions.values;
      added.actions = actions.added;
    }
  }
  if (data.description !== undefined) patch.description = data.description;
  if (data.occurredAt !== undefined) patch.occurredAt = data.occurredAt;
  if (data.important !== undefined) patch.important = data.important;
  if (data.direction === null) unset.push('direction');
  else if (data.direction !== undefined) patch.direction = data.direction;
  if (data.channel === null) unset.push('channel');
  else if (data.channel !== undefined) patch.channel = data.channel;
  if (!isVisit(patch.type ?? before.type) || data.visitAddress === null) unset.push('visitAddress');
  else if (data.visitAddress !== undefined) patch.visitAddress = data.visitAddress;
  const followUp = await nextFollowUp(deps, actor, before, data.followUp, now);
  if (followUp === null) unset.push('followUp');
  else if (followUp !== undefined) patch.followUp = followUp;

  const changes = changesOnly(before, patch);
  const removals = unset.filter((field) => before[field] !== undefined);
  if (Object.keys(changes).length === 1 && removals.length === 0) return before;

  const after = await updateWithAudit(deps, actor, before, changes, removals);
  await addToWorkspaceLists(deps, actor.workspaceId, added);
  await syncReminder(deps, before, after);
  return after;
}
