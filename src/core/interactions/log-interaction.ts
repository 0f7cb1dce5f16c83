import { auditEntry } from '../audit/audit-entry.js';
import { type Contact, contactDisplayName } from '../contacts/contact.js';
import {
  assertMayChangeFollowUp,
  markFollowUpDone,
  type WithFollowUp,
} from '../followups/close-follow-up.js';
import { type Actor, assertCanWrite } from '../shared/actor.js';
import { ConflictError, ErrorCode, ValidationError } from '../shared/errors.js';
import { storeUnreachableIn } from '../shared/store-unreachable.js';
import { parseInput } from '../shared/zod.js';
import {
  addToWorkspaceLists,
  assertAssignable,
  authorNameOf,
  type InteractionServiceDeps,
  isVisit,
  loadWorkspace,
  matchList,
} from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import { type LogInteractionInput, logInteractionSchema } from './interaction.schemas.js';
import { scheduleReminders } from './interaction-writes.js';

export interface LogInteractionResult {
  /** Shared by the records of this submission (the first submission's, on a replay). */
  eventId: string;
  /** One record per contact, in the order the contacts were given. */
  interactions: Interaction[];
  contacts: { id: string; name: string }[];
  /**
   * true when this submission key had already been recorded (an earlier or concurrent call won):
   * this call created no new event, at most it completed the winner's set.
   */
  replayed: boolean;
  /** The interaction whose follow-up this log closed (`closesFollowUpOf`), as it now is. */
  closedFollowUp?: Interaction;
}

/**
 * How a confirmation opens, on every platform: a replay (a retried submission, or a command
 * redelivered after the process died before its reply) confirms what the first delivery
 * stored, saying it was already there so nobody thinks it was logged twice.
 */
export function loggedVerb(result: Pick<LogInteractionResult, 'replayed'>): 'Logged' | 'Already logged' {
  return result.replayed ? 'Already logged' : 'Logged';
}

function contactName(contact: Contact): string {
  return contactDisplayName(contact) || contact.emails[0] || contact.phones[0] || contact.id;
}

async function loadContacts(deps: InteractionServiceDeps, actor: Actor, ids: string[]): Promise<Contact[]> {
  const found = new Map(
    (await deps.contacts.findByIds(actor.workspaceId, ids)).map((contact) => [contact.id, contact]),
  );
  const missing = ids.filter((id) => !found.has(id)).length;
  if (missing > 0) {
    throw new ValidationError({
      contactIds:
        missing === 1
          ? '1 of the chosen contacts was not found. It may have been deleted or merged; choose again.'
          : `${missing} of the chosen contacts were not found. They may have been deleted or merged; choose again.`,
    });
  }
  return ids.map((id) => found.get(id)!);
}

/**
 * F1–F5: one record per contact sharing an event id. Exactly once per submission key: the first
 * contact's record is the claim (unique (workspaceId, idempotencyKey)); a call that loses it adopts
 * the winner's event id and fills in whatever is still missing, so racing or retried calls all
 * end with the same single set. Failures other than duplicates delete what this call inserted.
 */
export async function logInteraction(
  deps: InteractionServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<LogInteractionResult> {
  assertCanWrite(actor);
  const now = deps.clock.now();
  const data = parseInput(logInteractionSchema(now), input);
  const workspace = await loadWorkspace(deps, actor);
  const contacts = await loadContacts(deps, actor, data.contactIds);
  const assigneeId = data.followUp ? (data.followUp.assigneeId ?? actor.userId) : undefined;
  if (assigneeId) await assertAssignable(deps, actor, assigneeId, 'followUp.assigneeId');
  const closing = data.closesFollowUpOf
    ? await followUpToClose(deps, actor, data.closesFollowUpOf, contacts)
    : undefined;

  const type = matchList([data.type], workspace.settings.interactionTypes);
  const actions = matchList(data.actions, workspace.settings.actions);
  const drafts = buildRecords(deps, actor, data, {
    contacts,
    type: type.values[0]!,
    actions: actions.values,
    authorName: await authorNameOf(deps, actor),
    assigneeId,
    now,
  });

  const inserted: Interaction[] = [];
  const head = await insertCompensated(deps, actor, drafts.slice(0, 1), inserted);
  let eventId = drafts[0]!.eventId;
  const replayed = head.duplicateKeys.length > 0;
  if (replayed) eventId = await winnerEventId(deps, actor, drafts[0]!.idempotencyKey!);
  const rest = drafts.slice(1).map((draft) => ({ ...draft, eventId }));
  const tail = await insertCompensated(deps, actor, rest, inserted);

  try {
    await deps.audit.insertMany(
      inserted.map((record) => auditEntry(deps, actor, 'interaction.created', record.id, { after: record })),
    );
  } catch (error) {
    await deps.interactions.deleteByIds(
      actor.workspaceId,
      inserted.map((record) => record.id),
    );
    throw error;
  }

  const existing = await deps.interactions.findByIdempotencyKeys(actor.workspaceId, [
    ...head.duplicateKeys,
    ...tail.duplicateKeys,
  ]);
  const byKey = new Map([...inserted, ...existing].map((record) => [record.idempotencyKey, record]));
  await addToWorkspaceLists(deps, actor.workspaceId, {
    interactionTypes: type.added,
    actions: actions.added,
  });
  await scheduleReminders(deps, inserted);
  // After the log is written: a replay (or a log racing a click on Done) closes it only once.
  const closedFollowUp = closing ? await markFollowUpDone(deps, actor, closing) : undefined;
  deps.logger.info('Interaction logged', {
    workspaceId: actor.workspaceId,
    eventId,
    created: inserted.length,
    replayed,
  });
  return {
    eventId,
    interactions: drafts
      .map((draft) => byKey.get(draft.idempotencyKey))
      .filter((record): record is Interaction => record !== undefined),
    contacts: contacts.map((contact) => ({ id: contact.id, name: contactName(contact) })),
    replayed,
    ...(closedFollowUp ? { closedFollowUp } : {}),
  };
}

/**
 * The follow-up a "Log the follow-up" form closes, checked before anything is written: it is
 * in the actor's workspace, the actor may change it, and its contact is among those logged
 * (logging about someone else must not close it). One that is already done or was removed
 * leaves nothing to close: the log itself still goes ahead.
 */
async function followUpToClose(
  deps: InteractionServiceDeps,
  actor: Actor,
  interactionId: string,
  contacts: Contact[],
): Promise<WithFollowUp | undefined> {
  const interaction = await deps.interactions.findById(actor.workspaceId, interactionId);
  if (!interaction) {
    throw new ValidationError({
      closesFollowUpOf:
        'The follow-up this form was opened for no longer exists. Close the form and log from the contact instead.',
    });
  }
  const { followUp } = interaction;
  if (followUp?.status !== 'open') return undefined;
  const withFollowUp = { ...interaction, followUp };
  assertMayChangeFollowUp(actor, withFollowUp);
  if (!contacts.some((contact) => contact.id === interaction.contactId)) {
    throw new ValidationError({
      // No contact name here: surfaces show this message as it is, unescaped.
      contactIds: 'This logs a follow-up: keep the contact it is about among the contacts.',
    });
  }
  return withFollowUp;
}

function buildRecords(
  deps: InteractionServiceDeps,
  actor: Actor,
  data: LogInteractionInput,
  resolved: {
    contacts: Contact[];
    type: string;
    actions: string[];
    authorName: string;
    assigneeId: string | undefined;
    now: Date;
  },
): Interaction[] {
  const { now, type, assigneeId } = resolved;
  const eventId = deps.ids.next();
  return resolved.contacts.map((contact) => ({
    id: deps.ids.next(),
    workspaceId: actor.workspaceId,
    eventId,
    contactId: contact.id,
    contactName: contactName(contact),
    organisationId: contact.organisationId,
    type,
    actions: resolved.actions,
    description: data.description,
    occurredAt: data.occurredAt ?? now,
    createdAt: now,
    updatedAt: now,
    authorId: actor.userId,
    authorName: resolved.authorName,
    important: data.important,
    followUp:
      data.followUp && assigneeId ? { dueAt: data.followUp.dueAt, assigneeId, status: 'open' } : undefined,
    visitAddress: isVisit(type) ? data.visitAddress : undefined,
    direction: data.direction,
    channel: data.channel,
    attachments: data.attachments,
    source: data.source,
    idempotencyKey: `${data.idempotencyKey}:${contact.id}`,
  }));
}

/** Inserts, collecting what was inserted; on any non-duplicate failure deletes it all and rethrows. */
async function insertCompensated(
  deps: InteractionServiceDeps,
  actor: Actor,
  records: Interaction[],
  inserted: Interaction[],
): Promise<{ duplicateKeys: string[] }> {
  try {
    const result = await deps.interactions.insertMany(records);
    const ids = new Set(result.insertedIds);
    inserted.push(...records.filter((record) => ids.has(record.id)));
    return { duplicateKeys: result.duplicateKeys };
  } catch (error) {
    // The store refused before taking anything (a held lock, no server): nothing to undo, and
    // undoing would only wait on the same outage past the person's ack window.
    if (inserted.length === 0 && storeUnreachableIn(error)?.mayHaveWritten === false) throw error;
    // Ids are fresh, so deleting every id we attempted never touches another call's records.
    const attempted = [...inserted, ...records].map((record) => record.id);
    try {
      await deps.interactions.deleteByIds(actor.workspaceId, attempted);
    } catch (cleanupError) {
      deps.logger.error('Could not undo a partial interaction log', {
        ids: attempted,
        error: String(cleanupError),
      });
    }
    throw error;
  }
}

async function winnerEventId(deps: InteractionServiceDeps, actor: Actor, headKey: string): Promise<string> {
  const [winner] = await deps.interactions.findByIdempotencyKeys(actor.workspaceId, [headKey]);
  if (!winner) {
    // The first attempt was undone between its insert and our read: let the user retry.
    throw new ConflictError(
      ErrorCode.IdempotencyInProgress,
      'This form is still being saved. Try again in a moment.',
    );
  }
  return winner.eventId;
}
