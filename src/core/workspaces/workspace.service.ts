import type { AuditRepository } from '../audit/audit.js';
import { type Actor, assertOwner, type Role } from '../shared/actor.js';
import { ErrorCode, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Clock, IdGenerator, Logger } from '../shared/ports.js';
import { parseInput } from '../shared/zod.js';
import {
  defaultSettings,
  type Member,
  type Platform,
  type ReportSchedule,
  type Workspace,
  type WorkspaceSettings,
} from './workspace.js';
import type { MemberRepository, WorkspaceRepository } from './workspace.repository.port.js';
import {
  canonicalTimezone,
  resolveActorSchema,
  resolveWorkspaceSchema,
  setRoleSchema,
  type UpdateSettingsInput,
  updateSettingsSchema,
} from './workspace.schemas.js';

export interface WorkspaceServiceDeps {
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  audit: AuditRepository;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

export interface ResolveWorkspaceInput {
  platform: Platform;
  externalId: string;
  name?: string;
}

/** Built by adapters from a *verified* platform request, never from what a user typed. */
export interface ResolveActorInput {
  workspace: Pick<Workspace, 'id' | 'settings'>;
  userId: string;
  displayName?: string;
  /** Slack workspace admin/owner, Teams tenant admin: starts as owner here too. */
  isPlatformAdmin?: boolean;
  timezone?: string;
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

export function createWorkspaceService(deps: WorkspaceServiceDeps) {
  const { workspaces, members, audit, clock, ids, logger } = deps;

  async function loadWorkspace(id: string): Promise<Workspace> {
    const workspace = await workspaces.findById(id);
    if (!workspace) {
      throw new NotFoundError(
        ErrorCode.WorkspaceNotFound,
        'This workspace is not set up yet. Reinstall the app or ask an admin.',
      );
    }
    return workspace;
  }

  return {
    /** Get-or-create the tenant for a platform team/tenant; two processes racing end up with one. */
    async resolveWorkspace(input: ResolveWorkspaceInput): Promise<Workspace> {
      const { platform, externalId, name } = parseInput(resolveWorkspaceSchema, input);
      const existing = await workspaces.findByExternalId(platform, externalId);
      if (existing) return existing;
      const now = clock.now();
      const id = ids.next();
      const workspace = await workspaces.insertOrGet({
        id,
        platform,
        externalId,
        name: name ?? '',
        settings: defaultSettings(),
        createdAt: now,
        updatedAt: now,
      });
      if (workspace.id === id) logger.info('Workspace created', { workspaceId: workspace.id, platform });
      return workspace;
    },

    /**
     * The Actor for a verified request. The member is created on first sight: a workspace
     * without an owner gets its first member as owner (so a workspace is never left without
     * an admin), a platform admin starts as owner, anyone else gets settings.defaultRole.
     * Two people arriving at the very same first moment may both become owners; an owner can
     * demote one later, which is better than a workspace nobody can administer.
     * The platform-admin rule applies at creation only, so an owner's later decision sticks.
     */
    async resolveActor(input: ResolveActorInput): Promise<Actor> {
      const { workspace } = input;
      const parsed = parseInput(resolveActorSchema, {
        userId: input.userId,
        displayName: input.displayName,
        isPlatformAdmin: input.isPlatformAdmin,
        timezone: input.timezone,
      });
      const displayName = parsed.displayName || undefined;
      let timezone: string | undefined;
      if (parsed.timezone) {
        timezone = canonicalTimezone(parsed.timezone) ?? undefined;
        if (!timezone) logger.warn('Ignoring an unknown member time zone', { timezone: parsed.timezone });
      }
      const now = clock.now();
      let member = await members.find(workspace.id, parsed.userId);
      if (!member) {
        const role: Role =
          parsed.isPlatformAdmin || (await members.countOwners(workspace.id)) === 0
            ? 'owner'
            : workspace.settings.defaultRole;
        member = await members.insertOrGet({
          workspaceId: workspace.id,
          userId: parsed.userId,
          role,
          displayName: displayName ?? parsed.userId,
          ...(timezone ? { timezone } : {}),
          createdAt: now,
          updatedAt: now,
        });
      } else {
        const profile: { displayName?: string; timezone?: string } = {};
        if (displayName !== undefined && displayName !== member.displayName)
          profile.displayName = displayName;
        if (timezone !== undefined && timezone !== member.timezone) profile.timezone = timezone;
        if (Object.keys(profile).length > 0) {
          await members.updateProfile(workspace.id, parsed.userId, profile, now);
          member = { ...member, ...profile, updatedAt: now };
        }
      }
      return {
        workspaceId: workspace.id,
        userId: member.userId,
        role: member.role,
        displayName: member.displayName,
      };
    },

    async getSettings(actor: Actor): Promise<WorkspaceSettings> {
      return (await loadWorkspace(actor.workspaceId)).settings;
    },

    /** F16, owners only. Only the keys given change; the whole input is checked before writing. */
    async updateSettings(actor: Actor, input: unknown): Promise<WorkspaceSettings> {
      assertOwner(actor);
      const patch = parseInput(updateSettingsSchema, input);
      const workspace = await loadWorkspace(actor.workspaceId);
      const before = workspace.settings;
      const after = applySettingsPatch(before, patch);
      const changed = changedSettings(before, after);
      if (Object.keys(changed).length === 0) return before;
      const now = clock.now();
      await workspaces.updateSettings(workspace.id, changed, now);
      await audit.insertMany([
        {
          id: ids.next(),
          workspaceId: workspace.id,
          actorId: actor.userId,
          action: 'settings.updated',
          targetId: workspace.id,
          at: now,
          before: JSON.stringify(before),
          after: JSON.stringify(after),
        },
      ]);
      return after;
    },

    /** Owners only. The last owner cannot be demoted, even by two owners demoting each other at once. */
    async setRole(actor: Actor, input: unknown): Promise<Member> {
      assertOwner(actor);
      const { userId, role } = parseInput(setRoleSchema, input);
      const target = await members.find(actor.workspaceId, userId);
      if (!target) {
        throw new ValidationError({
          userId: 'This person has not used the app yet; they get a role the first time they do.',
        });
      }
      if (target.role === role) return target;
      const demotesOwner = target.role === 'owner';
      if (demotesOwner && (await members.countOwners(actor.workspaceId)) <= 1) {
        throw lastOwnerError(target, actor);
      }
      const now = clock.now();
      await members.setRole(actor.workspaceId, userId, role, now);
      // Two owners demoting each other concurrently both passed the check above: undo.
      if (demotesOwner && (await members.countOwners(actor.workspaceId)) === 0) {
        await members.setRole(actor.workspaceId, userId, 'owner', clock.now());
        throw lastOwnerError(target, actor);
      }
      await audit.insertMany([
        {
          id: ids.next(),
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          action: 'member.role_changed',
          targetId: userId,
          at: now,
          before: JSON.stringify({ userId, role: target.role }),
          after: JSON.stringify({ userId, role }),
        },
      ]);
      return { ...target, role, updatedAt: now };
    },

    async listMembers(actor: Actor): Promise<Member[]> {
      return members.list(actor.workspaceId);
    },
  };
}

function lastOwnerError(target: Member, actor: Actor): ValidationError {
  const who = target.userId === actor.userId ? 'You are' : `${target.displayName || target.userId} is`;
  return new ValidationError({
    role: `${who} the only workspace admin. Make someone else an admin first, so the workspace keeps one.`,
  });
}

function applySettingsPatch(before: WorkspaceSettings, patch: UpdateSettingsInput): WorkspaceSettings {
  const after: WorkspaceSettings = { ...before };
  if (patch.interactionTypes) after.interactionTypes = patch.interactionTypes;
  if (patch.actions) after.actions = patch.actions;
  if (patch.timezone) after.timezone = patch.timezone;
  if (patch.dateFormat) after.dateFormat = patch.dateFormat;
  if (patch.defaultRole) after.defaultRole = patch.defaultRole;
  if (patch.report) {
    const { channelId, ...rest } = patch.report;
    const report: ReportSchedule = { ...before.report };
    if (rest.enabled !== undefined) report.enabled = rest.enabled;
    if (rest.weekday !== undefined) report.weekday = rest.weekday;
    if (rest.time !== undefined) report.time = rest.time;
    if (channelId === null) delete report.channelId;
    else if (channelId !== undefined) report.channelId = channelId;
    if (report.enabled && !report.channelId) {
      throw new ValidationError({
        'report.channelId': 'Choose a channel for the weekly report before turning it on.',
      });
    }
    after.report = report;
  }
  return after;
}

const SETTINGS_KEYS = [
  'timezone',
  'dateFormat',
  'interactionTypes',
  'actions',
  'report',
  'defaultRole',
] as const satisfies readonly (keyof WorkspaceSettings)[];

function changedSettings(before: WorkspaceSettings, after: WorkspaceSettings): Partial<WorkspaceSettings> {
  const changed: Partial<WorkspaceSettings> = {};
  const compare = <K extends keyof WorkspaceSettings>(key: K): void => {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  };
  for (const key of SETTINGS_KEYS) compare(key);
  return changed;
}
