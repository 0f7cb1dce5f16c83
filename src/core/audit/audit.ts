export const AUDIT_ACTIONS = [
  'interaction.created',
  'interaction.updated',
  'interaction.deleted',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'contact.merged',
  'settings.updated',
  'member.role_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which record, with the record before and after (JSON, secrets never included). */
export interface AuditEntry {
  id: string;
  workspaceId: string;
  actorId: string;
  action: AuditAction;
  targetId: string;
  at: Date;
  before?: string;
  after?: string;
}

export interface AuditRepository {
  insertMany(entries: AuditEntry[]): Promise<void>;
  listForTarget(workspaceId: string, targetId: string): Promise<AuditEntry[]>;
}
