import type { Connection } from 'mongoose';
import type { Role } from '../../../core/shared/actor.js';
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
import { isDuplicateKeyError } from '../errors.js';
import { type MemberDoc, memberModel, type WorkspaceDoc, workspaceModel } from '../models/workspace.model.js';

export function toWorkspace(doc: WorkspaceDoc): Workspace {
  const { _id, platform, ...rest } = doc;
  const report = rest.settings.report;
  return {
    ...rest,
    id: _id,
    platform: platform as Platform,
    settings: {
      ...rest.settings,
      interactionTypes: [...rest.settings.interactionTypes],
      actions: [...rest.settings.actions],
      defaultRole: rest.settings.defaultRole as Role,
      report: {
        enabled: report.enabled,
        weekday: report.weekday,
        time: report.time,
        ...(report.channelId ? { channelId: report.channelId } : {}),
      },
    },
  };
}

export class MongoWorkspaceRepository implements WorkspaceRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = workspaceModel(connection);
  }

  async findById(id: string): Promise<Workspace | null> {
    const doc = await this.model.findOne({ _id: id }).lean<WorkspaceDoc>();
    return doc ? toWorkspace(doc) : null;
  }

  async findByExternalId(platform: Platform, externalId: string): Promise<Workspace | null> {
    const doc = await this.model.findOne({ platform, externalId }).lean<WorkspaceDoc>();
    return doc ? toWorkspace(doc) : null;
  }

  async insertOrGet(workspace: Workspace): Promise<Workspace> {
    const { id, ...rest } = workspace;
    try {
      await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
      return workspace;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.findByExternalId(workspace.platform, workspace.externalId);
      if (!existing) throw error;
      return existing;
    }
  }

  async updateSettings(id: string, settings: Partial<WorkspaceSettings>, now: Date): Promise<void> {
    const set: Record<string, unknown> = { updatedAt: now };
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) set[`settings.${key}`] = value;
    }
    await this.model.updateOne({ _id: id }, { $set: set });
  }

  async addToLists(id: string, lists: { interactionTypes?: string[]; actions?: string[] }): Promise<void> {
    const additions: Record<string, { $each: string[] }> = {};
    if (lists.interactionTypes?.length)
      additions['settings.interactionTypes'] = { $each: lists.interactionTypes };
    if (lists.actions?.length) additions['settings.actions'] = { $each: lists.actions };
    if (Object.keys(additions).length === 0) return;
    await this.model.updateOne({ _id: id }, { $addToSet: additions });
  }

  async listWithReportsEnabled(): Promise<Workspace[]> {
    const docs = await this.model.find({ 'settings.report.enabled': true }).lean<WorkspaceDoc[]>();
    return docs.map(toWorkspace);
  }

  /**
   * All workspaces, filtered on every platform rather than with an empty filter: an empty
   * filter is a full scan no index serves (the test guard refuses it), while platform $in
   * is an equality on the (platform, externalId) index. Only the identity is read.
   */
  async listIdentities(): Promise<WorkspaceIdentity[]> {
    const docs = await this.model
      .find({ platform: { $in: [...PLATFORMS] } }, { _id: 1, platform: 1, externalId: 1 })
      .lean<Pick<WorkspaceDoc, '_id' | 'platform' | 'externalId'>[]>();
    return docs.map(({ _id, platform, externalId }) => ({
      id: _id,
      platform: platform as Platform,
      externalId,
    }));
  }
}

export function memberKey(workspaceId: string, userId: string): string {
  return `${workspaceId}:${userId}`;
}

export function toMember(doc: MemberDoc): Member {
  const { _id, role, timezone, platformAdmin, guest, profileCheckedAt, provisional, ...rest } = doc;
  return {
    ...rest,
    role: role as Role,
    ...(timezone ? { timezone } : {}),
    ...(platformAdmin !== undefined ? { platformAdmin } : {}),
    ...(guest !== undefined ? { guest } : {}),
    ...(profileCheckedAt ? { profileCheckedAt } : {}),
    ...(provisional ? { provisional } : {}),
  };
}

export class MongoMemberRepository implements MemberRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = memberModel(connection);
  }

  /**
   * By the member's _id, which is built from the workspace and user ids (so still tenant-scoped):
   * the one lookup every request makes, and the only shape FerretDB's SQLite backend answers
   * without a full scan.
   */
  async find(workspaceId: string, userId: string): Promise<Member | null> {
    const doc = await this.model.findOne({ _id: memberKey(workspaceId, userId) }).lean<MemberDoc>();
    return doc && doc.workspaceId === workspaceId ? toMember(doc) : null;
  }

  async insertOrGet(member: Member): Promise<Member> {
    try {
      await this.model.insertMany([{ _id: memberKey(member.workspaceId, member.userId), ...member }], {
        lean: true,
      });
      return member;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.find(member.workspaceId, member.userId);
      if (!existing) throw error;
      return existing;
    }
  }

  async setRole(workspaceId: string, userId: string, role: Role, now: Date): Promise<void> {
    await this.model.updateOne(
      { workspaceId, userId },
      { $set: { role, provisional: false, updatedAt: now } },
    );
  }

  async updateMember(workspaceId: string, userId: string, patch: MemberPatch, now: Date): Promise<void> {
    const set: Record<string, unknown> = { updatedAt: now };
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) set[key] = value;
    await this.model.updateOne({ workspaceId, userId }, { $set: set });
  }

  async list(workspaceId: string): Promise<Member[]> {
    const docs = await this.model.find({ workspaceId }).lean<MemberDoc[]>();
    return docs.map(toMember).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async countOwners(workspaceId: string): Promise<number> {
    return this.model.countDocuments({ workspaceId, role: 'owner' });
  }
}
