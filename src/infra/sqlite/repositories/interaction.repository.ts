import type { Interaction } from '../../../core/interactions/interaction.js';
import type {
  CountBucket,
  InteractionPatch,
  InteractionRepository,
  PageQuery,
} from '../../../core/interactions/interaction.repository.port.js';
import type { InteractionFilter } from '../../../core/interactions/interaction-filter.js';
import { foldForSearch } from '../../../core/shared/text.js';
import type { SqliteDatabase } from '../database.js';
import { placeholders, text } from '../rows.js';
import {
  INTERACTION_ROW,
  type InteractionRow,
  SELECT_INTERACTION,
  toInteraction,
} from './interaction-entity.js';
import { filterWhere, keysetWhere, pageOrder } from './interaction-filter-sql.js';
import { insertColumns, patchColumns } from './interaction-rows.js';
import { WordsSearchPlanner } from './interaction-text-search.js';

const INSERT_COLUMNS = Object.keys(
  insertColumns({
    id: '',
    workspaceId: '',
    eventId: '',
    contactId: '',
    contactName: '',
    type: '',
    actions: [],
    description: '',
    occurredAt: new Date(0),
    createdAt: new Date(0),
    updatedAt: new Date(0),
    authorId: '',
    authorName: '',
    important: false,
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: '',
  }),
);

/**
 * A replayed idempotency key is skipped (the unique index is the claim); a clash on the id
 * itself still fails, as it does on MongoDB.
 */
const INSERT = `INSERT INTO interactions (${INSERT_COLUMNS.join(', ')}) VALUES (${placeholders(INSERT_COLUMNS.length)})
  ON CONFLICT (workspace_id, idempotency_key) DO NOTHING`;

/** Text that filters nothing: absent, or nothing left once folded (absent is never folded). */
const blank = (text: string | undefined) => !text || !foldForSearch(text);

/** A filter that keeps every record of the workspace (the list with nothing chosen). */
function isWholeWorkspace(filter: InteractionFilter): boolean {
  return (
    !filter.from &&
    !filter.to &&
    !filter.types?.length &&
    !filter.actions?.length &&
    !filter.authorIds?.length &&
    !filter.contactIds?.length &&
    blank(filter.contactText) &&
    blank(filter.addressText) &&
    !filter.organisationId &&
    !filter.importantOnly &&
    filter.hasAttachments === undefined &&
    filter.followUp === undefined &&
    blank(filter.text)
  );
}

const COUNT_FIELDS = {
  type: 'type',
  authorId: 'author_id',
  contactId: 'contact_id',
} as const;

export class SqliteInteractionRepository implements InteractionRepository {
  private readonly words: WordsSearchPlanner;

  constructor(private readonly database: SqliteDatabase) {
    this.words = new WordsSearchPlanner(database);
  }

  /** One transaction: a collective log of 500 contacts is all there or not at all. */
  async insertMany(interactions: Interaction[]): Promise<{ insertedIds: string[]; duplicateKeys: string[] }> {
    const insertedIds: string[] = [];
    const duplicateKeys: string[] = [];
    if (interactions.length === 0) return { insertedIds, duplicateKeys };
    this.database.transaction(() => {
      for (const interaction of interactions) {
        const columns = insertColumns(interaction);
        const changes = this.database.run(INSERT, ...INSERT_COLUMNS.map((column) => columns[column] ?? null));
        if (changes === 1) insertedIds.push(interaction.id);
        else duplicateKeys.push(interaction.idempotencyKey);
      }
    });
    return { insertedIds, duplicateKeys };
  }

  async findById(workspaceId: string, id: string): Promise<Interaction | null> {
    const [row] = this.database.rows(
      `${SELECT_INTERACTION} WHERE id = ? AND workspace_id = ?`,
      id,
      workspaceId,
    );
    return row ? toInteraction(row) : null;
  }

  async findByIdempotencyKeys(workspaceId: string, keys: string[]): Promise<Interaction[]> {
    if (keys.length === 0) return [];
    return this.database
      .rows(
        `${SELECT_INTERACTION} WHERE workspace_id = ? AND idempotency_key IN (${placeholders(keys.length)})`,
        workspaceId,
        ...keys,
      )
      .map(toInteraction);
  }

  async update(
    workspaceId: string,
    id: string,
    patch: InteractionPatch,
    unset: (keyof Interaction)[] = [],
  ): Promise<Interaction | null> {
    const columns = patchColumns(patch, unset);
    const names = Object.keys(columns);
    const set = names.map((name) => `${name} = ?`).join(', ');
    const changed = this.database.run(
      `UPDATE interactions SET ${set} WHERE id = ? AND workspace_id = ?`,
      ...names.map((name) => columns[name] ?? null),
      id,
      workspaceId,
    );
    return changed === 0 ? null : this.findById(workspaceId, id);
  }

  async deleteById(workspaceId: string, id: string): Promise<boolean> {
    return (
      this.database.run('DELETE FROM interactions WHERE id = ? AND workspace_id = ?', id, workspaceId) === 1
    );
  }

  async deleteByIds(workspaceId: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.database.transaction(() =>
      this.database.run(
        `DELETE FROM interactions WHERE id IN (${placeholders(ids.length)}) AND +workspace_id = ?`,
        ...ids,
        workspaceId,
      ),
    );
  }

  async page(
    workspaceId: string,
    query: PageQuery,
    now: Date,
  ): Promise<{ items: Interaction[]; hasMore: boolean }> {
    const older = query.direction === 'older';
    const words = this.words.plan(query.filter);
    const where = filterWhere(workspaceId, query.filter, now, query.sort, words);
    const keyset = query.cursor ? keysetWhere(query.sort, query.cursor, older, !words?.drives) : undefined;
    const rows = this.database.rows(
      `${SELECT_INTERACTION} WHERE ${where.sql}${keyset ? ` AND ${keyset.sql}` : ''}
       ORDER BY ${pageOrder(query.sort, older)} LIMIT ?`,
      ...where.params,
      ...(keyset?.params ?? []),
      query.limit + 1,
    );
    const hasMore = rows.length > query.limit;
    const items = rows.slice(0, query.limit).map(toInteraction);
    return { items: older ? items : items.reverse(), hasMore };
  }

  async count(workspaceId: string, filter: InteractionFilter, now: Date, limit?: number): Promise<number> {
    if (isWholeWorkspace(filter)) {
      const counted = this.database.get(
        'SELECT n FROM interaction_counts WHERE workspace_id = ?',
        workspaceId,
      );
      return Number(counted?.n ?? 0);
    }
    const where = filterWhere(workspaceId, filter, now, undefined, this.words.plan(filter));
    const row =
      limit === undefined
        ? this.database.get(`SELECT count(*) AS n FROM interactions WHERE ${where.sql}`, ...where.params)
        : this.database.get(
            `SELECT count(*) AS n FROM (SELECT 1 FROM interactions WHERE ${where.sql} LIMIT ?)`,
            ...where.params,
            limit + 1,
          );
    return Number(row?.n ?? 0);
  }

  /**
   * Oldest first, a batch at a time: each batch is one indexed read that starts after the last
   * row of the one before ((occurred_at, id) is unique and the date index's order). Reading 500
   * rows with `all()` costs about half of stepping a cursor over them row by row, and no read
   * transaction stays open for the whole export (which would hold back WAL checkpoints). Rows
   * written meanwhile may or may not appear, as with a MongoDB cursor.
   */
  async *stream(
    workspaceId: string,
    filter: InteractionFilter,
    now: Date,
    batchSize: number,
  ): AsyncIterable<Interaction[]> {
    const where = filterWhere(workspaceId, filter, now, 'date');
    const order = 'ORDER BY occurred_at ASC, id ASC LIMIT ?';
    let rows = this.database.rows(
      `${SELECT_INTERACTION} WHERE ${where.sql} ${order}`,
      ...where.params,
      batchSize,
    );
    while (rows.length > 0) {
      const last = rows[rows.length - 1] as InteractionRow;
      yield rows.map(toInteraction);
      if (rows.length < batchSize) return;
      rows = this.database.rows(
        `${SELECT_INTERACTION} WHERE ${where.sql} AND (occurred_at, id) > (?, ?) ${order}`,
        ...where.params,
        last[INTERACTION_ROW.occurredAt] ?? null,
        last[INTERACTION_ROW.id] ?? null,
        batchSize,
      );
    }
  }

  async countForContact(workspaceId: string, contactId: string): Promise<number> {
    const row = this.database.get(
      'SELECT count(*) AS n FROM interactions WHERE workspace_id = ? AND contact_id = ?',
      workspaceId,
      contactId,
    );
    return Number(row?.n ?? 0);
  }

  async reassignContact(
    workspaceId: string,
    fromContactId: string,
    to: { contactId: string; contactName: string; organisationId?: string },
    now: Date,
  ): Promise<number> {
    return this.database.transaction(() =>
      this.database.run(
        `UPDATE interactions SET contact_id = ?, contact_name = ?, contact_name_folded = ?, organisation_id = ?, updated_at = ?
         WHERE workspace_id = ? AND contact_id = ?`,
        to.contactId,
        to.contactName,
        foldForSearch(to.contactName),
        to.organisationId ?? null,
        now.getTime(),
        workspaceId,
        fromContactId,
      ),
    );
  }

  async refreshContactFields(
    workspaceId: string,
    contactId: string,
    contactName: string,
    organisationId: string | undefined,
  ): Promise<void> {
    this.database.transaction(() =>
      this.database.run(
        `UPDATE interactions SET contact_name = ?, contact_name_folded = ?, organisation_id = ?
         WHERE workspace_id = ? AND contact_id = ?`,
        contactName,
        foldForSearch(contactName),
        organisationId ?? null,
        workspaceId,
        contactId,
      ),
    );
  }

  async listFollowUps(
    workspaceId: string,
    assigneeId: string,
    status: 'open' | 'done',
    limit: number,
    fireBefore?: Date,
  ): Promise<Interaction[]> {
    const before = fireBefore ? ' AND follow_up_fire_at < ?' : '';
    return this.database
      .rows(
        `${SELECT_INTERACTION} WHERE workspace_id = ? AND follow_up_assignee_id = ? AND follow_up_status = ?${before}
         ORDER BY follow_up_fire_at, id LIMIT ?`,
        workspaceId,
        assigneeId,
        status,
        ...(fireBefore ? [fireBefore.getTime()] : []),
        limit,
      )
      .map(toInteraction);
  }

  /** Sorting the groups (one per distinct key) is the only sort here; the rows come from an index. */
  async countBy(
    workspaceId: string,
    filter: InteractionFilter,
    field: 'type' | 'actions' | 'authorId' | 'contactId',
    limit: number,
    now: Date,
  ): Promise<CountBucket[]> {
    const where = filterWhere(workspaceId, filter, now, undefined, this.words.plan(filter));
    const sql =
      field === 'actions'
        ? `SELECT action.value AS k, count(*) AS n FROM interactions, json_each(interactions.actions) AS action
           WHERE ${where.sql} GROUP BY action.value ORDER BY n DESC, k LIMIT ?`
        : `SELECT ${COUNT_FIELDS[field]} AS k, count(*) AS n FROM interactions
           WHERE ${where.sql} GROUP BY k ORDER BY n DESC, k LIMIT ?`;
    return this.database
      .all(sql, ...where.params, limit)
      .map((row) => ({ key: row.k === null ? '' : text(row, 'k'), count: Number(row.n) }));
  }

  async countFollowUpsDone(workspaceId: string, from: Date, to: Date): Promise<number> {
    const row = this.database.get(
      `SELECT count(*) AS n FROM interactions
       WHERE workspace_id = ? AND follow_up_status = 'done' AND follow_up_done_at >= ? AND follow_up_done_at < ?`,
      workspaceId,
      from.getTime(),
      to.getTime(),
    );
    return Number(row?.n ?? 0);
  }

  async countFollowUpsOverdue(workspaceId: string, at: Date): Promise<number> {
    const row = this.database.get(
      `SELECT count(*) AS n FROM interactions
       WHERE workspace_id = ? AND follow_up_status = 'open' AND follow_up_fire_at < ?`,
      workspaceId,
      at.getTime(),
    );
    return Number(row?.n ?? 0);
  }
}
