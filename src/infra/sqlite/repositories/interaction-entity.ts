import type { SQLOutputValue } from 'node:sqlite';
import {
  type AttachmentRef,
  CHANNELS,
  type Channel,
  type Direction,
  type FollowUp,
  type FollowUpStatus,
  type Interaction,
  type SourceKind,
} from '../../../core/interactions/interaction.js';
import { type Row, RowShapeError } from '../rows.js';

/**
 * The columns an Interaction is read from, in this order: `SELECT_INTERACTION` names them and
 * `toInteraction` reads the row (an array, node:sqlite's `setReturnArrays`) by position.
 * node:sqlite returns a row object with 30-odd keys in dictionary mode, where each read of a
 * column costs a hash lookup: mapping a page of 21 rows took about 40 µs that way, a third of
 * the query. Read by position it takes a few µs, and the folded copies of the texts (search
 * columns the entity never shows) are no longer turned into JS strings.
 */
const COLUMNS = [
  'id',
  'workspace_id',
  'event_id',
  'contact_id',
  'contact_name',
  'type',
  'actions',
  'description',
  'occurred_at',
  'created_at',
  'updated_at',
  'author_id',
  'author_name',
  'important',
  'attachments',
  'source_kind',
  'idempotency_key',
  'organisation_id',
  'visit_address',
  'direction',
  'channel',
  'source_link',
  'follow_up_status',
  'follow_up_due_at',
  'follow_up_assignee_id',
  'follow_up_snoozed_until',
  'follow_up_done_at',
  'follow_up_done_by',
] as const;

/** Positions of the row's keyset columns, for a reader that continues after a row. */
export const INTERACTION_ROW = { id: 0, occurredAt: 8 } as const;

/** `SELECT <the entity's columns> FROM interactions`; the caller adds WHERE, ORDER BY, LIMIT. */
export const SELECT_INTERACTION = `SELECT ${COLUMNS.join(', ')} FROM interactions`;

type Kind = 'text' | 'optionalText' | 'integer' | 'optionalInteger';
const KINDS: readonly Kind[] = COLUMNS.map((column, position): Kind => {
  if (position <= 16) {
    return ['occurred_at', 'created_at', 'updated_at', 'important'].includes(column) ? 'integer' : 'text';
  }
  return column.endsWith('_at') || column.endsWith('_until') ? 'optionalInteger' : 'optionalText';
});

export type InteractionRow = readonly SQLOutputValue[];

/**
 * A row of SELECT_INTERACTION as the entity the core knows. Every column's type is checked
 * (a wrong one fails loudly, naming the column); optional fields are absent rather than
 * undefined (the contract tests compare with toEqual on both engines).
 */
export function toInteraction(row: InteractionRow): Interaction {
  if (!hasSchemaTypes(row)) return toInteraction(converted(row));
  const actions = row[6] as string;
  const attachments = row[14] as string;
  const interaction: Interaction = {
    id: row[0] as string,
    workspaceId: row[1] as string,
    eventId: row[2] as string,
    contactId: row[3] as string,
    contactName: row[4] as string,
    type: row[5] as string,
    actions: actions === '[]' ? [] : stringList(actions),
    description: row[7] as string,
    occurredAt: new Date(row[8] as number),
    createdAt: new Date(row[9] as number),
    updatedAt: new Date(row[10] as number),
    authorId: row[11] as string,
    authorName: row[12] as string,
    important: row[13] !== 0,
    attachments: attachments === '[]' ? [] : toAttachments(attachments),
    source: { kind: sourceKind(row[15] as string) },
    idempotencyKey: row[16] as string,
  };
  if (row[17] !== null) interaction.organisationId = row[17] as string;
  if (row[18] !== null) interaction.visitAddress = row[18] as string;
  const direction = directionOf(row[19] ?? null);
  if (direction) interaction.direction = direction;
  const channel = channelOf(row[20] ?? null);
  if (channel) interaction.channel = channel;
  if (row[21] !== null) interaction.source.link = row[21] as string;
  if (row[22] !== null) interaction.followUp = toFollowUp(row);
  return interaction;
}

/** One pass over the row: every column holds the type the schema writes. */
function hasSchemaTypes(row: InteractionRow): boolean {
  if (row.length !== COLUMNS.length) return false;
  for (let position = 0; position < KINDS.length; position++) {
    const value = row[position];
    switch (KINDS[position]) {
      case 'text':
        if (typeof value !== 'string') return false;
        break;
      case 'integer':
        if (typeof value !== 'number') return false;
        break;
      case 'optionalText':
        if (value !== null && typeof value !== 'string') return false;
        break;
      default:
        if (value !== null && typeof value !== 'number') return false;
    }
  }
  return followUpComplete(row);
}

/** A follow-up row carries its due date and assignee. */
function followUpComplete(row: InteractionRow): boolean {
  return row[22] === null || (typeof row[23] === 'number' && typeof row[24] === 'string');
}

/**
 * The row with big integers (a connection reading them as bigint) made numbers; anything else
 * of the wrong type is a file this code did not write: RowShapeError names the column.
 */
function converted(row: InteractionRow): InteractionRow {
  if (row.length !== COLUMNS.length) throw new RowShapeError('An interaction row has the wrong columns');
  return row.map((value, position) => {
    const kind = KINDS[position];
    const column = COLUMNS[position];
    if (typeof value === 'bigint' && (kind === 'integer' || kind === 'optionalInteger')) return Number(value);
    if (value === null && (kind === 'optionalText' || kind === 'optionalInteger')) {
      if (position === 23 || position === 24) {
        if (row[22] !== null) throw new RowShapeError(`Column ${column} is missing on a follow-up`);
      }
      return value;
    }
    const wanted = kind === 'text' || kind === 'optionalText' ? 'string' : 'number';
    if (typeof value !== wanted)
      throw new RowShapeError(`Column ${column} is not ${wanted === 'string' ? 'text' : 'a number'}`);
    return value;
  });
}

function stringList(stored: string): string[] {
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed) || parsed.some((item) => typeof item !== 'string')) {
    throw new RowShapeError('Column actions is not a list of text');
  }
  return parsed as string[];
}

// Comparisons, not `array.find` with a closure: these run for several columns of every row.
function sourceKind(value: string): SourceKind {
  return value === 'chat-message' || value === 'import' || value === 'api' ? value : 'manual';
}

function directionOf(value: SQLOutputValue): Direction | undefined {
  return value === 'inbound' || value === 'outbound' ? value : undefined;
}

function channelOf(value: SQLOutputValue): Channel | undefined {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
    ? (value as Channel)
    : undefined;
}

function statusOf(value: string): FollowUpStatus {
  return value === 'done' || value === 'cancelled' ? value : 'open';
}

function toFollowUp(row: InteractionRow): FollowUp {
  const followUp: FollowUp = {
    dueAt: new Date(row[23] as number),
    assigneeId: row[24] as string,
    status: statusOf(row[22] as string),
  };
  if (row[25] !== null) followUp.snoozedUntil = new Date(row[25] as number);
  if (row[26] !== null) followUp.doneAt = new Date(row[26] as number);
  if (row[27] !== null) followUp.doneBy = row[27] as string;
  return followUp;
}

function toAttachments(stored: string): AttachmentRef[] {
  const parsed = JSON.parse(stored) as AttachmentRef[];
  return parsed.map(({ platformFileId, ...rest }) => ({
    ...rest,
    ...(platformFileId ? { platformFileId } : {}),
  }));
}

/** The same from a row read as an object (`SELECT *`: the store-to-store copy reads every table alike). */
export function interactionFromObject(row: Row): Interaction {
  return toInteraction(COLUMNS.map((column) => (row[column] ?? null) as SQLOutputValue));
}
