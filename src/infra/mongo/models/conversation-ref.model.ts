import { type Connection, Schema } from 'mongoose';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from './define-model.js';

/** _id = `${workspaceId}|personal|${userId}` or `${workspaceId}|conv|${conversationId}`: lookups are by _id. */
export interface ConversationRefDoc {
  _id: string;
  workspaceId: string;
  kind: 'personal' | 'channel' | 'groupChat';
  conversationId: string;
  serviceUrl: string;
  userId?: string;
  platformUserId?: string;
  name?: string;
  updatedAt: Date;
}

const schema = new Schema<ConversationRefDoc>(
  {
    _id: String,
    workspaceId: String,
    kind: String,
    conversationId: String,
    serviceUrl: String,
    userId: String,
    platformUserId: String,
    name: String,
    updatedAt: Date,
  },
  { versionKey: false, autoIndex: false },
);

export function conversationRefModel(connection: Connection) {
  return defineModel(connection, 'ConversationRef', schema, COLLECTIONS.conversationRefs);
}
