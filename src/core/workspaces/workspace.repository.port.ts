import type { Role } from '../shared/actor.js';
import type { Member, Platform, Workspace, WorkspaceSettings } from './workspace.js';

/** Who a workspace is, without its settings: what system-wide sweeps need. */
export type WorkspaceIdentity = Pick<Workspace, 'id' | 'platform' | 'externalId'>;

export interface WorkspaceRepository {
  findById(id: string): Promise<Workspace | null>;
  findByExternalId(platform: Platform, externalId: string): Promise<Workspace | null>;
  /** Inserts; resolves to the existing workspace when another process created it first. */
  insertOrGet(workspace: Workspace): Promise<Workspace>;
  /**
   * Replaces only the settings keys given, so saving the timezone never overwrites a type
   * another member added to the list a moment ago.
   */
  updateSettings(id: string, settings: Partial<WorkspaceSettings>, now: Date): Promise<void>;
  /** Adds entries to the types/actions lists if missing ($addToSet: concurrent adds never lose one). */
  addToLists(id: string, lists: { interactionTypes?: string[]; actions?: string[] }): Promise<void>;
  listWithReportsEnabled(): Promise<Workspace[]>;
  /** Every workspace's identity, for jobs that sweep each workspace in turn. */
  listIdentities(): Promise<WorkspaceIdentity[]>;
}

export type MemberPatch = Partial<
  Pick<
    Member,
    'displayName' | 'timezone' | 'platformAdmin' | 'guest' | 'profileCheckedAt' | 'provisional' | 'role'
  >
>;

export interface MemberRepository {
  find(workspaceId: string, userId: string): Promise<Member | null>;
  insertOrGet(member: Member): Promise<Member>;
  /** An owner's decision: also ends a provisional start. */
  setRole(workspaceId: string, userId: string, role: Role, now: Date): Promise<void>;
  /** Sets only the fields given (profile, platform facts, a role the facts decided). */
  updateMember(workspaceId: string, userId: string, patch: MemberPatch, now: Date): Promise<void>;
  list(workspaceId: string): Promise<Member[]>;
  countOwners(workspaceId: string): Promise<number>;
}
