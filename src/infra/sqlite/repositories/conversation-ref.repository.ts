import type {
  ConversationRef,
  ConversationRefRepository,
} from '../../../core/deliveries/conversation-ref.port.js';
import { claimInsert, type SqliteDatabase } from '../database.js';
import { date, optionalText, type Row, RowShapeError, text } from '../rows.js';

const personalKey = (workspaceId: string, userId: string) => `${workspaceId}|personal|${userId}`;
const conversationKey = (workspaceId: string, conversationId: string) =>
  `${workspaceId}|conv|${conversationId}`;

function keyOf(ref: ConversationRef): string {
  return ref.kind === 'personal' && ref.userId
    ? personalKey(ref.workspaceId, ref.userId)
    : conversationKey(ref.workspaceId, ref.conversationId);
}

const KINDS = ['personal', 'channel', 'groupChat'] as const;

export function toRef(row: Row): ConversationRef {
  const kind = KINDS.find((candidate) => candidate === text(row, 'kind'));
  if (!kind) throw new RowShapeError('Unknown conversation kind');
  const userId = optionalText(row, 'user_id');
  const platformUserId = optionalText(row, 'platform_user_id');
  const name = optionalText(row, 'name');
  return {
    workspaceId: text(row, 'workspace_id'),
    kind,
    conversationId: text(row, 'conversation_id'),
    serviceUrl: text(row, 'service_url'),
    ...(userId ? { userId } : {}),
    ...(platformUserId ? { platformUserId } : {}),
    ...(name ? { name } : {}),
    updatedAt: date(row, 'updated_at'),
  };
}

/** Teams conversation references, one row per person or conversation; a save that changes nothing writes nothing. */
export class SqliteConversationRefRepository implements ConversationRefRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async save(ref: ConversationRef): Promise<void> {
    const values = [
      ref.workspaceId,
      ref.kind,
      ref.conversationId,
      ref.serviceUrl,
      ref.userId ?? null,
      ref.platformUserId ?? null,
      ref.name ?? null,
      ref.updatedAt.getTime(),
    ];
    const id = keyOf(ref);
    const inserted = claimInsert(
      this.database,
      `INSERT INTO conversation_refs (id, workspace_id, kind, conversation_id, service_url, user_id, platform_user_id, name, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      ...values,
    );
    if (inserted) return;
    // Only a real change is written (the same activity arrives many times a day).
    this.database.run(
      `UPDATE conversation_refs SET workspace_id = ?, kind = ?, conversation_id = ?, service_url = ?, user_id = ?,
         platform_user_id = ?, name = ?, updated_at = ?
       WHERE id = ? AND NOT (conversation_id IS ?3 AND service_url IS ?4 AND coalesce(platform_user_id, '') IS coalesce(?6, '')
         AND coalesce(name, '') IS coalesce(?7, ''))`,
      ...values,
      id,
    );
  }

  async personal(workspaceId: string, userId: string): Promise<ConversationRef | null> {
    const row = this.database.get(
      'SELECT * FROM conversation_refs WHERE id = ?',
      personalKey(workspaceId, userId),
    );
    return row ? toRef(row) : null;
  }

  async conversation(workspaceId: string, conversationId: string): Promise<ConversationRef | null> {
    const row = this.database.get(
      'SELECT * FROM conversation_refs WHERE id = ?',
      conversationKey(workspaceId, conversationId),
    );
    return row ? toRef(row) : null;
  }

  async forgetPersonal(workspaceId: string, userId: string): Promise<void> {
    this.database.run('DELETE FROM conversation_refs WHERE id = ?', personalKey(workspaceId, userId));
  }
}
