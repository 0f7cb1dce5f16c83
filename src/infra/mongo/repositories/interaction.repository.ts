import type { Connection, PipelineStage } from 'mongoose';
import type { Interaction } from '../../../core/interactions/interaction.js';
import type {
  CountBucket,
  InteractionPatch,
  InteractionRepository,
  PageQuery,
} from '../../../core/interactions/interaction.repository.port.js';
import type { InteractionFilter, ListSort } from '../../../core/interactions/interaction-filter.js';
import type { PageCursor } from '../../../core/shared/paging.js';
import { escapeRegex, foldForSearch } from '../../../core/shared/text.js';
import { DUPLICATE_KEY } from '../errors.js';
import { COLLECTIONS } from '../indexes.js';
import {
  defined,
  type InteractionDoc,
  interactionModel,
  toFollowUpDoc,
  toInteraction,
  toInteractionDoc,
} from '../models/interaction.model.js';

type Query = Record<string, unknown>;

/** The F10 filter as a query; user text is folded and escaped before it reaches a regex. */
export function filterQuery(workspaceId: string, filter: InteractionFilter, now: Date): Query {
  const query: Query = { workspaceId };
  if (filter.from || filter.to) {
    query.occurredAt = defined({ $gte: filter.from, $lt: filter.to });
  }
  if (filter.types?.length) query.type = { $in: filter.types };
  if (filter.actions?.length) query.actions = { $in: filter.actions };
  if (filter.authorIds?.length) query.authorId = { $in: filter.authorIds };
  if (filter.contactIds?.length) query.contactId = { $in: filter.contactIds };
  const contactText = foldForSearch(filter.contactText ?? '');
  if (contactText) query.contactNameFolded = { $regex: escapeRegex(contactText) };
  // Only visits written since visitAddressFolded exists carry it; older ones are not matched.
  const addressText = foldForSearch(filter.addressText ?? '');
  if (addressText) query.visitAddressFolded = { $regex: escapeRegex(addressText) };
  if (filter.organisationId) query.organisationId = filter.organisationId;
  if (filter.importantOnly) query.important = true;
  if (filter.hasAttachments !== undefined) query.hasAttachments = filter.hasAttachments;
  switch (filter.followUp) {
    case 'open':
      query['followUp.status'] = 'open';
      break;
    case 'overdue':
      query['followUp.status'] = 'open';
      query['followUp.fireAt'] = { $lt: now };
      break;
    case 'done':
      query['followUp.status'] = 'done';
      break;
    case 'none':
      query.followUp = { $exists: false };
      break;
    default:
      break;
  }
  const text = foldForSearch(filter.text ?? '');
  if (text) query.descriptionFolded = { $regex: escapeRegex(text) };
  return query;
}

const DISPLAY_SORT: Record<ListSort, Record<string, 1 | -1>> = {
  date: { occurredAt: -1, _id: -1 },
  type: { type: 1, occurredAt: -1, _id: -1 },
};

function reversed(sort: Record<string, 1 | -1>): Record<string, 1 | -1> {
  const result: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(sort)) result[field] = direction === 1 ? -1 : 1;
  return result;
}

/** Records strictly beyond the cursor in display order (`beyond`), or strictly before it. */
function keyset(sort: ListSort, cursor: PageCursor, beyond: boolean): Query[] {
  const at = new Date(cursor.at);
  const older = beyond ? '$lt' : '$gt'; // date and id are descending in display order
  const byDate: Query[] = [{ occurredAt: { [older]: at } }, { occurredAt: at, _id: { [older]: cursor.id } }];
  if (sort === 'date') return byDate;
  const key = cursor.key ?? '';
  return [{ type: { [beyond ? '$gt' : '$lt']: key } }, ...byDate.map((branch) => ({ type: key, ...branch }))];
}

const STREAM_BATCH = 1000;

export class MongoInteractionRepository implements InteractionRepository {
  private readonly model;
  /** The same collection without mongoose casting, for updates (see `update`). */
  private readonly collection;
  constructor(connection: Connection) {
    this.model = interactionModel(connection);
    this.collection = connection.collection<InteractionDoc>(COLLECTIONS.interactions);
  }

  async insertMany(interactions: Interaction[]): Promise<{ insertedIds: string[]; duplicateKeys: string[] }> {
    if (interactions.length === 0) return { insertedIds: [], duplicateKeys: [] };
    const docs = interactions.map(toInteractionDoc);
    try {
      await this.model.insertMany(docs, { ordered: false, lean: true });
      return { insertedIds: docs.map((doc) => doc._id), duplicateKeys: [] };
    } catch (error) {
      const duplicates = duplicateIndexes(error, docs.length);
      // Only a replayed idempotency key is a skip; anything else is the caller's failure.
      if (!duplicates || [...duplicates].some((index) => !docs[index]?.idempotencyKey)) throw error;
      return {
        insertedIds: docs.filter((_, index) => !duplicates.has(index)).map((doc) => doc._id),
        duplicateKeys: [...duplicates].map((index) => docs[index]!.idempotencyKey!),
      };
    }
  }

  async findById(workspaceId: string, id: string): Promise<Interaction | null> {
    const doc = await this.model.findOne({ _id: id, workspaceId }).lean<InteractionDoc>();
    return doc ? toInteraction(doc) : null;
  }

  async findByIdempotencyKeys(workspaceId: string, keys: string[]): Promise<Interaction[]> {
    if (keys.length === 0) return [];
    const docs = await this.model
      .find({ workspaceId, idempotencyKey: { $in: keys } })
      .lean<InteractionDoc[]>();
    return docs.map(toInteraction);
  }

  async update(
    workspaceId: string,
    id: string,
    patch: InteractionPatch,
    unset: (keyof Interaction)[] = [],
  ): Promise<Interaction | null> {
    const set: Query = {};
    const unsetFields = new Set<string>(unset);
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) unsetFields.add(field);
      else set[field] = value;
    }
    if (patch.description !== undefined) set.descriptionFolded = foldForSearch(patch.description);
    if (patch.visitAddress !== undefined) set.visitAddressFolded = foldForSearch(patch.visitAddress);
    if (unsetFields.has('visitAddress')) unsetFields.add('visitAddressFolded');
    if (patch.contactName !== undefined) set.contactNameFolded = foldForSearch(patch.contactName);
    if (patch.followUp !== undefined) set.followUp = toFollowUpDoc(patch.followUp);
    if (patch.attachments !== undefined) {
      set.attachments = patch.attachments.map((attachment) => defined(attachment));
      set.hasAttachments = patch.attachments.length > 0;
    }
    if (unsetFields.delete('attachments')) {
      set.attachments = [];
      set.hasAttachments = false;
    }
    const update: Query = { $set: set };
    if (unsetFields.size > 0) update.$unset = Object.fromEntries([...unsetFields].map((f) => [f, '']));
    // The native collection: mongoose would hydrate a $set sub-document (internal keys and all).
    const result = await this.collection.updateOne({ _id: id, workspaceId }, update);
    if (result.matchedCount === 0) return null;
    return this.findById(workspaceId, id);
  }

  async deleteById(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: id, workspaceId });
    return result.deletedCount === 1;
  }

  async deleteByIds(workspaceId: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.model.deleteMany({ _id: { $in: ids }, workspaceId });
    return result.deletedCount;
  }

  async page(
    workspaceId: string,
    query: PageQuery,
    now: Date,
  ): Promise<{ items: Interaction[]; hasMore: boolean }> {
    const filter = filterQuery(workspaceId, query.filter, now);
    const older = query.direction === 'older';
    if (query.cursor) filter.$or = keyset(query.sort, query.cursor, older);
    const sort = older ? DISPLAY_SORT[query.sort] : reversed(DISPLAY_SORT[query.sort]);
    const docs = await this.model
      .find(filter)
      .sort(sort)
      .limit(query.limit + 1)
      .lean<InteractionDoc[]>();
    const hasMore = docs.length > query.limit;
    const items = docs.slice(0, query.limit).map(toInteraction);
    return { items: older ? items : items.reverse(), hasMore };
  }

  async count(workspaceId: string, filter: InteractionFilter, now: Date, limit?: number): Promise<number> {
    const query = this.model.countDocuments(filterQuery(workspaceId, filter, now));
    return limit === undefined ? query : query.limit(limit + 1);
  }

  async *stream(
    workspaceId: string,
    filter: InteractionFilter,
    now: Date,
    batchSize: number,
  ): AsyncIterable<Interaction[]> {
    const cursor = this.model
      .find(filterQuery(workspaceId, filter, now))
      .sort({ occurredAt: 1, _id: 1 })
      .batchSize(STREAM_BATCH)
      .lean<InteractionDoc[]>()
      .cursor();
    try {
      let batch: Interaction[] = [];
      for await (const doc of cursor) {
        batch.push(toInteraction(doc));
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await cursor.close();
    }
  }

  async countForContact(workspaceId: string, contactId: string): Promise<number> {
    return this.model.countDocuments({ workspaceId, contactId });
  }

  async reassignContact(
    workspaceId: string,
    fromContactId: string,
    to: { contactId: string; contactName: string; organisationId?: string },
    now: Date,
  ): Promise<number> {
    const result = await this.model.updateMany(
      { workspaceId, contactId: fromContactId },
      contactUpdate(to.contactName, to.organisationId, { contactId: to.contactId, updatedAt: now }),
    );
    return result.modifiedCount;
  }

  async refreshContactFields(
    workspaceId: string,
    contactId: string,
    contactName: string,
    organisationId: string | undefined,
  ): Promise<void> {
    await this.model.updateMany({ workspaceId, contactId }, contactUpdate(contactName, organisationId, {}));
  }

  async listFollowUps(
    workspaceId: string,
    assigneeId: string,
    status: 'open' | 'done',
    limit: number,
    fireBefore?: Date,
  ): Promise<Interaction[]> {
    const query: Query = { workspaceId, 'followUp.assigneeId': assigneeId, 'followUp.status': status };
    if (fireBefore) query['followUp.fireAt'] = { $lt: fireBefore };
    const docs = await this.model
      .find(query)
      .sort({ 'followUp.fireAt': 1, _id: 1 })
      .limit(limit)
      .lean<InteractionDoc[]>();
    return docs.map(toInteraction);
  }

  async countBy(
    workspaceId: string,
    filter: InteractionFilter,
    field: 'type' | 'actions' | 'authorId' | 'contactId',
    limit: number,
    now: Date,
  ): Promise<CountBucket[]> {
    const pipeline: PipelineStage[] = [{ $match: filterQuery(workspaceId, filter, now) }];
    if (field === 'actions') pipeline.push({ $unwind: '$actions' });
    pipeline.push(
      { $group: { _id: `$${field}`, count: { $sum: 1 } } },
      { $sort: { count: -1, _id: 1 } },
      { $limit: limit },
    );
    const rows = await this.model.aggregate<{ _id: unknown; count: number }>(pipeline);
    return rows.map((row) => ({ key: String(row._id ?? ''), count: row.count }));
  }

  async countFollowUpsDone(workspaceId: string, from: Date, to: Date): Promise<number> {
    return this.model.countDocuments({
      workspaceId,
      'followUp.status': 'done',
      'followUp.doneAt': { $gte: from, $lt: to },
    });
  }

  async countFollowUpsOverdue(workspaceId: string, at: Date): Promise<number> {
    return this.model.countDocuments({
      workspaceId,
      'followUp.status': 'open',
      'followUp.fireAt': { $lt: at },
    });
  }
}

function contactUpdate(contactName: string, organisationId: string | undefined, extra: Query): Query {
  const set = { ...extra, contactName, contactNameFolded: foldForSearch(contactName) };
  return organisationId
    ? { $set: { ...set, organisationId } }
    : { $set: set, $unset: { organisationId: '' } };
}

/** Indexes of the documents an unordered insert rejected as duplicates, or null if any other error. */
function duplicateIndexes(error: unknown, count: number): Set<number> | null {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return null;
  const writeErrors: unknown[] = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const indexes = new Set<number>();
  for (const writeError of writeErrors) {
    if (typeof writeError !== 'object' || writeError === null) return null;
    const code = 'code' in writeError ? writeError.code : undefined;
    const index = 'index' in writeError ? writeError.index : undefined;
    if (code !== DUPLICATE_KEY || typeof index !== 'number' || index < 0 || index >= count) return null;
    indexes.add(index);
  }
  return indexes.size > 0 ? indexes : null;
}
