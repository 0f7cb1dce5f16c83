import type { Connection } from 'mongoose';
import type {
  ConversationRef,
  ConversationRefRepository,
} from '../../../core/deliveries/conversation-ref.port.js';
import { isDuplicateKeyError } from '../errors.js';
import { type ConversationRefDoc, conversationRefModel } from '../models/conversation-ref.model.js';

const personalKey = (workspaceId: string, userId: string) => `${workspaceId}|personal|${userId}`;
const conversationKey = (workspaceId: string, conversationId: string) =>
  `${workspaceId}|conv|${conversationId}`;

function keyOf(ref: ConversationRef): string {
  return ref.kind === 'personal' && ref.userId
    ? personalKey(ref.workspaceId, ref.userId)
    : conversationKey(ref.workspaceId, ref.conversationId);
}

function toRef(doc: ConversationRefDoc): ConversationRef {
  return {
    workspaceId: doc.workspaceId,
    kind: doc.kind,
    conversationId: doc.conversationId,
    serviceUrl: doc.serviceUrl,
    ...(doc.userId ? { userId: doc.userId } : {}),
    ...(doc.platformUserId ? { platformUserId: doc.platformUserId } : {}),
    ...(doc.name ? { name: doc.name } : {}),
    updatedAt: doc.updatedAt,
  };
}

const same = (doc: ConversationRefDoc, ref: ConversationRef) =>
  doc.conversationId === ref.conversationId &&
  doc.serviceUrl === ref.serviceUrl &&
  (doc.platformUserId ?? '') === (ref.platformUserId ?? '') &&
  (doc.name ?? '') === (ref.name ?? '');

/**
 * Conversation references for proactive Teams messages. Keyed by workspace + person (or +
 * conversation) in _id, so every read is a point lookup scoped to the tenant; the first save is
 * an insert, and an update happens only when the reference really changed (a new service URL).
 */
export class MongoConversationRefRepository implements ConversationRefRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = conversationRefModel(connection);
  }

  async save(ref: ConversationRef): Promise<void> {
    const doc: ConversationRefDoc = { _id: keyOf(ref), ...ref };
    try {
      await this.model.insertMany([doc], { lean: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.model.findOne({ _id: doc._id }).lean<ConversationRefDoc>();
      if (existing && same(existing, ref)) return;
      const { _id, ...fields } = doc;
      await this.model.updateOne({ _id }, { $set: fields });
    }
  }

  async personal(workspaceId: string, userId: string): Promise<ConversationRef | null> {
    const doc = await this.model
      .findOne({ _id: personalKey(workspaceId, userId) })
      .lean<ConversationRefDoc>();
    return doc ? toRef(doc) : null;
  }

  async conversation(workspaceId: string, conversationId: string): Promise<ConversationRef | null> {
    const doc = await this.model
      .findOne({ _id: conversationKey(workspaceId, conversationId) })
      .lean<ConversationRefDoc>();
    return doc ? toRef(doc) : null;
  }

  async forgetPersonal(workspaceId: string, userId: string): Promise<void> {
    await this.model.deleteOne({ _id: personalKey(workspaceId, userId) });
  }
}
