import type { PageCursor } from '../shared/paging.js';
import type { Interaction } from './interaction.js';
import type { InteractionFilter, ListSort } from './interaction-filter.js';

export interface PageQuery {
  filter: InteractionFilter;
  sort: ListSort;
  limit: number;
  /** Boundary of the current page; 'older' reads after it, 'newer' reads before it. */
  cursor?: PageCursor;
  direction: 'older' | 'newer';
}

export type InteractionPatch = Partial<
  Pick<
    Interaction,
    | 'type'
    | 'actions'
    | 'description'
    | 'occurredAt'
    | 'important'
    | 'followUp'
    | 'visitAddress'
    | 'direction'
    | 'channel'
    | 'attachments'
    | 'contactId'
    | 'contactName'
    | 'organisationId'
  >
> & { updatedAt: Date };

export interface CountBucket {
  key: string;
  count: number;
}

export interface InteractionRepository {
  /**
   * Inserts all records (unordered); records whose idempotencyKey already exists are skipped,
   * not failed. Resolves to the ids inserted and the keys that were already present. Any other
   * failure rejects, possibly after some records were inserted: callers compensate by deleting
   * the ids they attempted (fresh ids, so a concurrent winner's records are never touched).
   * Always set idempotencyKey: the (workspaceId, idempotencyKey) index is sparse, but MongoDB
   * indexes a compound sparse key as soon as workspaceId exists, so two key-less records of a
   * workspace collide there (a key-less duplicate is rethrown, never silently skipped).
   */
  insertMany(interactions: Interaction[]): Promise<{ insertedIds: string[]; duplicateKeys: string[] }>;
  findById(workspaceId: string, id: string): Promise<Interaction | null>;
  findByIdempotencyKeys(workspaceId: string, keys: string[]): Promise<Interaction[]>;
  /** Applies the patch; unset optional fields when the patch holds them as undefined explicitly. */
  update(
    workspaceId: string,
    id: string,
    patch: InteractionPatch,
    unset?: (keyof Interaction)[],
  ): Promise<Interaction | null>;
  deleteById(workspaceId: string, id: string): Promise<boolean>;
  deleteByIds(workspaceId: string, ids: string[]): Promise<number>;
  /** Returns one page in display order plus whether more exist beyond it in the requested direction. */
  page(workspaceId: string, query: PageQuery, now: Date): Promise<{ items: Interaction[]; hasMore: boolean }>;
  /**
   * The number of matches; with `limit`, counting stops after limit + 1 matches, so an answer
   * above `limit` means only "more than limit" (countLimitFor decides when a list does this).
   */
  count(workspaceId: string, filter: InteractionFilter, now: Date, limit?: number): Promise<number>;
  /**
   * Every match, oldest first, in batches of at most `batchSize` (none empty), without loading
   * them all in memory: a large export awaits once per batch, not once per row.
   */
  stream(
    workspaceId: string,
    filter: InteractionFilter,
    now: Date,
    batchSize: number,
  ): AsyncIterable<Interaction[]>;
  countForContact(workspaceId: string, contactId: string): Promise<number>;
  /** Moves every interaction of one contact to another (contact merge). */
  reassignContact(
    workspaceId: string,
    fromContactId: string,
    to: { contactId: string; contactName: string; organisationId?: string },
    now: Date,
  ): Promise<number>;
  /** Keeps denormalised contact fields in step after a contact edit. */
  refreshContactFields(
    workspaceId: string,
    contactId: string,
    contactName: string,
    organisationId: string | undefined,
  ): Promise<void>;
  /**
   * Follow-ups assigned to a member with the given status, soonest fire time first
   * (`followUpFireAt`: the snooze wins over the due date). `fireBefore` keeps only those whose
   * fire time is strictly earlier (overdue / due today).
   */
  listFollowUps(
    workspaceId: string,
    assigneeId: string,
    status: 'open' | 'done',
    limit: number,
    fireBefore?: Date,
  ): Promise<Interaction[]>;
  /** Group counts over a filter, for the report. field 'actions' counts each action of each record. */
  countBy(
    workspaceId: string,
    filter: InteractionFilter,
    field: 'type' | 'actions' | 'authorId' | 'contactId',
    limit: number,
    now: Date,
  ): Promise<CountBucket[]>;
  /** Follow-ups marked done with doneAt in [from, to). */
  countFollowUpsDone(workspaceId: string, from: Date, to: Date): Promise<number>;
  /** Open follow-ups whose fire time (snooze or due date) is before `at`. */
  countFollowUpsOverdue(workspaceId: string, at: Date): Promise<number>;
}
