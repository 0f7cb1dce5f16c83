import { ROLES, type Role } from '../../../core/shared/actor.js';
import { SETTINGS_KEYS } from '../../../core/workspaces/settings-patch.js';
import {
  type Member,
  PLATFORMS,
  type Platform,
  type Workspace,
  type WorkspaceSettings,
} from '../../../core/workspaces/workspace.js';
import type {
  MemberPatch,
  MemberRepository,
  WorkspaceIdentity,
  WorkspaceRepository,
} from '../../../core/workspaces/workspace.repository.port.js';
import { claimInsert, type SqliteDatabase } from '../database.js';
import { date, oneOf, optionalText, type Row, RowShapeError, text } from '../rows.js';

function platformOf(row: Row): Platform {
  const platform = oneOf(PLATFORMS, text(row, 'platform'));
  if (!platform) throw new RowShapeError('Unknown platform');
  return platform;
}

function roleOf(value: string): Role {
  return oneOf(ROLES, value) ?? 'viewer';
}

export function toWorkspace(row: Row): Workspace {
  const settings = JSON.parse(text(row, 'settings')) as WorkspaceSettings;
  return {
    id: text(row, 'id'),
    platform: platformOf(row),
    externalId: text(row, 'external_id'),
    name: text(row, 'name'),
    settings: { ...settings, defaultRole: roleOf(settings.defaultRole) },
    createdAt: date(row, 'created_at'),
    updatedAt: date(row, 'updated_at'),
  };
}

export class SqliteWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async findById(id: string): Promise<Workspace | null> {
    const row = this.database.get('SELECT * FROM workspaces WHERE id = ?', id);
    return row ? toWorkspace(row) : null;
  }

  async findByExternalId(platform: Platform, externalId: string): Promise<Workspace | null> {
    const row = this.database.get(
      'SELECT * FROM workspaces WHERE platform = ? AND external_id = ?',
      platform,
      externalId,
    );
    return row ? toWorkspace(row) : null;
  }

  async insertOrGet(workspace: Workspace): Promise<Workspace> {
    const inserted = claimInsert(
      this.database,
      'INSERT INTO workspaces (id, platform, external_id, name, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      workspace.id,
      workspace.platform,
      workspace.externalId,
      workspace.name,
      JSON.stringify(workspace.settings),
      workspace.createdAt.getTime(),
      workspace.updatedAt.getTime(),
    );
    if (inserted) return workspace;
    const existing = await this.findByExternalId(workspace.platform, workspace.externalId);
    if (!existing) throw new Error(`Workspace ${workspace.id} clashes with another one's id`);
    return existing;
  }

  /** One json_set per key given: the other keys keep whatever another member saved meanwhile. */
  async updateSettings(id: string, settings: Partial<WorkspaceSettings>, now: Date): Promise<void> {
    const keys = SETTINGS_KEYS.filter((key) => settings[key] !== undefined);
    const paths = keys.map((key) => `'$.${key}', json(?)`).join(', ');
    const values = keys.map((key) => JSON.stringify(settings[key]));
    const set = keys.length > 0 ? `settings = json_set(settings, ${paths}), ` : '';
    this.database.run(
      `UPDATE workspaces SET ${set}updated_at = ? WHERE id = ?`,
      ...values,
      now.getTime(),
      id,
    );
  }

  /** Read, merge and write under the write lock: concurrent adds never lose one. */
  async addToLists(id: string, lists: { interactionTypes?: string[]; actions?: string[] }): Promise<void> {
    if (!lists.interactionTypes?.length && !lists.actions?.length) return;
    this.database.transaction(() => {
      const row = this.database.get('SELECT settings FROM workspaces WHERE id = ?', id);
      if (!row) return;
      const settings = JSON.parse(text(row, 'settings')) as WorkspaceSettings;
      const merge = (current: string[], added: string[] = []) => [
        ...current,
        ...added.filter((item, index) => !current.includes(item) && added.indexOf(item) === index),
      ];
      settings.interactionTypes = merge(settings.interactionTypes, lists.interactionTypes);
      settings.actions = merge(settings.actions, lists.actions);
      this.database.run('UPDATE workspaces SET settings = ? WHERE id = ?', JSON.stringify(settings), id);
    });
  }

  async listWithReportsEnabled(): Promise<Workspace[]> {
    return this.database
      .all("SELECT * FROM workspaces WHERE json_extract(settings, '$.report.enabled') = 1")
      .map(toWorkspace);
  }

  async listIdentities(): Promise<WorkspaceIdentity[]> {
    return this.database.all('SELECT id, platform, external_id FROM workspaces').map((row) => ({
      id: text(row, 'id'),
      platform: platformOf(row),
      externalId: text(row, 'external_id'),
    }));
  }
}

/** SQLite keeps booleans as 0/1 and "never told" as NULL. */
function optionalFlag(row: Row, column: string): boolean | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : Number(value) === 1;
}

function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}

export function toMember(row: Row): Member {
  const timezone = optionalText(row, 'timezone');
  const platformAdmin = optionalFlag(row, 'platform_admin');
  const guest = optionalFlag(row, 'guest');
  const checkedAt = row.profile_checked_at;
  return {
    workspaceId: text(row, 'workspace_id'),
    userId: text(row, 'user_id'),
    role: roleOf(text(row, 'role')),
    displayName: text(row, 'display_name'),
    ...(timezone ? { timezone } : {}),
    ...(platformAdmin !== undefined ? { platformAdmin } : {}),
    ...(guest !== undefined ? { guest } : {}),
    ...(checkedAt !== null && checkedAt !== undefined
      ? { profileCheckedAt: new Date(Number(checkedAt)) }
      : {}),
    ...(optionalFlag(row, 'provisional') ? { provisional: true } : {}),
    createdAt: date(row, 'created_at'),
    updatedAt: date(row, 'updated_at'),
  };
}

export class SqliteMemberRepository implements MemberRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async find(workspaceId: string, userId: string): Promise<Member | null> {
    const row = this.database.get(
      'SELECT * FROM members WHERE workspace_id = ? AND user_id = ?',
      workspaceId,
      userId,
    );
    return row ? toMember(row) : null;
  }

  async insertOrGet(member: Member): Promise<Member> {
    const inserted = claimInsert(
      this.database,
      `INSERT INTO members (workspace_id, user_id, role, display_name, timezone, platform_admin, guest,
         profile_checked_at, provisional, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      member.workspaceId,
      member.userId,
      member.role,
      member.displayName,
      member.timezone ?? null,
      flag(member.platformAdmin),
      flag(member.guest),
      member.profileCheckedAt?.getTime() ?? null,
      member.provisional ? 1 : 0,
      member.createdAt.getTime(),
      member.updatedAt.getTime(),
    );
    if (inserted) return member;
    const existing = await this.find(member.workspaceId, member.userId);
    if (!existing) throw new Error('Member insert clashed but no member was found');
    return existing;
  }

  async setRole(workspaceId: string, userId: string, role: Role, now: Date): Promise<void> {
    this.database.run(
      'UPDATE members SET role = ?, provisional = 0, updated_at = ? WHERE workspace_id = ? AND user_id = ?',
      role,
      now.getTime(),
      workspaceId,
      userId,
    );
  }

  async updateMember(workspaceId: string, userId: string, patch: MemberPatch, now: Date): Promise<void> {
    // Only the fields given change; a column per field keeps the statement's shape fixed.
    const given = (value: unknown) => (value === undefined ? 0 : 1);
    this.database.run(
      `UPDATE members SET
         display_name = CASE WHEN ? THEN ? ELSE display_name END,
         timezone = CASE WHEN ? THEN ? ELSE timezone END,
         platform_admin = CASE WHEN ? THEN ? ELSE platform_admin END,
         guest = CASE WHEN ? THEN ? ELSE guest END,
         profile_checked_at = CASE WHEN ? THEN ? ELSE profile_checked_at END,
         provisional = CASE WHEN ? THEN ? ELSE provisional END,
         role = CASE WHEN ? THEN ? ELSE role END,
         updated_at = ?
       WHERE workspace_id = ? AND user_id = ?`,
      given(patch.displayName),
      patch.displayName ?? null,
      given(patch.timezone),
      patch.timezone ?? null,
      given(patch.platformAdmin),
      flag(patch.platformAdmin),
      given(patch.guest),
      flag(patch.guest),
      given(patch.profileCheckedAt),
      patch.profileCheckedAt?.getTime() ?? null,
      given(patch.provisional),
      patch.provisional ? 1 : 0,
      given(patch.role),
      patch.role ?? null,
      now.getTime(),
      workspaceId,
      userId,
    );
  }

  async list(workspaceId: string): Promise<Member[]> {
    const members = this.database
      .all('SELECT * FROM members WHERE workspace_id = ?', workspaceId)
      .map(toMember);
    return members.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async countOwners(workspaceId: string): Promise<number> {
    const row = this.database.get(
      "SELECT count(*) AS n FROM members WHERE workspace_id = ? AND role = 'owner'",
      workspaceId,
    );
    return Number(row?.n ?? 0);
  }
}
