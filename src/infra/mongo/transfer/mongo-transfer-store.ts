import type { Document } from 'mongodb';
import type { FollowUpReminder } from '../../../core/followups/follow-up-scheduler.port.js';
import type { Logger } from '../../../core/shared/ports.js';
import type { Member, Workspace } from '../../../core/workspaces/workspace.js';
import { AgendaFollowUpScheduler } from '../../jobs/agenda-follow-up-scheduler.js';
import type {
  TableName,
  TransferBatch,
  TransferRecords,
  TransferStore,
} from '../../transfer/transfer-tables.js';
import type { Database } from '../database.js';
import { DUPLICATE_KEY } from '../errors.js';
import { COLLECTIONS } from '../indexes.js';
import type { ContactDoc } from '../models/contact.model.js';
import { type InteractionDoc, toInteraction, toInteractionDoc } from '../models/interaction.model.js';
import type { MemberDoc, WorkspaceDoc } from '../models/workspace.model.js';
import { toContact, toContactDoc } from '../repositories/contact.repository.js';
import { memberKey, toMember, toWorkspace } from '../repositories/workspace.repository.js';

/** How one collection's documents map to the neutral records and back. */
interface MongoCodec<T> {
  collection: string;
  toRecord(doc: Document): T;
  toDoc(record: T): StoredDoc;
}

type StoredDoc = Document & { _id: string };

/** Optional fields are absent, never null, on both sides. */
function withoutEmpty(doc: Document): Document {
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== null && value !== undefined));
}

/** Most collections store the record as it is, with `_id` for `id`. */
function plain<T extends { id: string }>(collection: string): MongoCodec<T> {
  return {
    collection,
    toRecord: ({ _id, ...rest }) => ({ ...withoutEmpty(rest), id: _id }) as T,
    toDoc: ({ id, ...rest }) => ({ _id: id, ...withoutEmpty(rest) }),
  };
}

type Codecs = { [K in TableName]: MongoCodec<TransferRecords[K]> };

const CODECS: Codecs = {
  workspaces: {
    collection: COLLECTIONS.workspaces,
    toRecord: (doc) => toWorkspace(doc as WorkspaceDoc),
    toDoc: ({ id, ...rest }: Workspace) => ({ _id: id, ...rest }),
  },
  members: {
    collection: COLLECTIONS.members,
    toRecord: (doc) => toMember(doc as MemberDoc),
    toDoc: (member: Member) => ({
      _id: memberKey(member.workspaceId, member.userId),
      ...withoutEmpty(member),
    }),
  },
  organisations: plain(COLLECTIONS.organisations),
  contacts: {
    collection: COLLECTIONS.contacts,
    toRecord: (doc) => toContact(doc as ContactDoc),
    toDoc: toContactDoc,
  },
  interactions: {
    collection: COLLECTIONS.interactions,
    toRecord: (doc) => toInteraction(doc as InteractionDoc),
    toDoc: toInteractionDoc,
  },
  audit: plain(COLLECTIONS.audit),
  claims: {
    collection: COLLECTIONS.claims,
    toRecord: ({ scope, workspaceId, key, claimedAt }) => ({ scope, workspaceId, key, claimedAt }),
    toDoc: (claim) => ({ _id: `${claim.scope}|${claim.workspaceId}|${claim.key}`, ...claim }),
  },
  deliveryPending: plain(COLLECTIONS.deliveryPending),
  deliveryOutcomes: plain(COLLECTIONS.deliveryOutcomes),
  deliveryAttempts: plain(COLLECTIONS.deliveryAttempts),
  conversationRefs: plain(COLLECTIONS.conversationRefs),
  slackInstallations: plain(COLLECTIONS.slackInstallations),
};

function codecOf<T extends TableName>(table: T): MongoCodec<TransferRecords[T]> {
  return CODECS[table];
}

/** Every refusal of a bulk insert was a duplicate key: the records were there already. */
function onlyDuplicates(error: unknown): error is { insertedCount: number } {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return false;
  const { writeErrors } = error;
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return (
    list.length > 0 &&
    list.every(
      (entry: unknown) =>
        typeof entry === 'object' && entry !== null && 'code' in entry && entry.code === DUPLICATE_KEY,
    ) &&
    'insertedCount' in error &&
    typeof error.insertedCount === 'number'
  );
}

/**
 * `db copy`'s side on MongoDB (or FerretDB), inside the portable subset: reads walk `_id` in
 * order (a range and sort on the built-in index), writes are one unordered insertMany per
 * batch whose duplicate-key refusals mean "already copied" — no upserts, which FerretDB does
 * not make atomic. Documents are written with the derived fields the repositories write.
 */
export class MongoTransferStore implements TransferStore {
  readonly description: string;
  private scheduler: AgendaFollowUpScheduler | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    this.description = database.description;
  }

  private collection(table: TableName) {
    const { connection } = this.database;
    // Every collection here is keyed by a string _id.
    return connection.getClient().db(connection.name).collection<StoredDoc>(codecOf(table).collection);
  }

  async read<T extends TableName>(
    table: T,
    after: string | null,
    limit: number,
  ): Promise<TransferBatch<TransferRecords[T]>> {
    const codec = codecOf(table);
    const docs = await this.collection(table)
      .find(after === null ? {} : { _id: { $gt: after } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    const last = docs.at(-1);
    return {
      records: docs.map((doc) => codec.toRecord(doc)),
      next: last && docs.length === limit ? String(last._id) : null,
    };
  }

  async write<T extends TableName>(table: T, records: TransferRecords[T][]): Promise<number> {
    if (records.length === 0) return 0;
    const codec = codecOf(table);
    try {
      const result = await this.collection(table).insertMany(
        records.map((record) => codec.toDoc(record)),
        { ordered: false },
      );
      return result.insertedCount;
    } catch (error) {
      if (onlyDuplicates(error)) return error.insertedCount;
      throw error;
    }
  }

  async count(table: TableName): Promise<number> {
    return this.collection(table).countDocuments({});
  }

  async scheduleReminders(reminders: FollowUpReminder[]): Promise<boolean> {
    this.scheduler ??= new AgendaFollowUpScheduler(this.database.connection, this.logger);
    await this.scheduler.schedule(reminders);
    return true;
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
