import type { AuditRepository } from '../audit/audit.js';
import { type Actor, assertOwner, type Role } from '../shared/actor.js';
import { ErrorCode, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Clock, IdGenerator, Logger } from '../shared/ports.js';
import { parseInput } from '../shared/zod.js';
import { noAdminYetMessage } from './arrival.js';
import { createActorResolver } from './resolve-actor.js';
import { applySettingsPatch, changedSettings } from './settings-patch.js';
import {
  defaultSettings,
  type Member,
  type Platform,
  type Workspace,
  type WorkspaceSettings,
} from './workspace.js';
import type { MemberRepository, WorkspaceRepository } from './workspace.repository.port.js';
import {
  canonicalTimezone,
  memberIdSchema,
  resolveWorkspaceSchema,
  setRoleSchema,
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
  /** The installer's zone: the workspace's zone when this creates it (later admins may change it). */
  timezone?: string;
}

/** The audit trail's author for roles given from the admin CLI. */
export const OPERATOR_ID = 'operator';

export { PROFILE_REFRESH_MS, type ResolveActorInput } from './resolve-actor.js';

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

  /**
   * Refuses a non-owner an admin action. When the workspace has no owner at all, says how to
   * get one on this platform instead of "ask an admin" nobody can answer.
   */
  async function requireOwner(actor: Actor): Promise<void> {
    if (actor.role === 'owner') return;
    if ((await members.countOwners(actor.workspaceId)) === 0) {
      const workspace = await workspaces.findById(actor.workspaceId);
      throw new ForbiddenError(noAdminYetMessage(workspace?.platform ?? 'cli'));
    }
    assertOwner(actor);
  }

  /**
   * A role change checked, nothing written: the member it changes and the role asked for, or
   * `unchanged` when they already have it. Refuses someone the app has never seen (no member
   * yet) and the demotion of the last owner.
   */
  async function planRoleChange(actor: Actor, input: unknown): Promise<RoleChange> {
    const { userId, role } = parseInput(setRoleSchema, input);
    const target = await members.find(actor.workspaceId, userId);
    if (!target) throw new ValidationError({ userId: NOT_A_MEMBER_YET });
    if (target.role === role) return { target, role, unchanged: true };
    if (target.role === 'owner' && (await members.countOwners(actor.workspaceId)) <= 1) {
      throw lastOwnerError(target, actor);
    }
    return { target, role, unchanged: false };
  }

  async function applyRoleChange(actor: Actor, change: RoleChange): Promise<Member> {
    const { target, role } = change;
    if (change.unchanged) return target;
    const { userId } = target;
    const demotesOwner = target.role === 'owner';
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
  }

  /** Owners only. The last owner cannot be demoted, even by two owners demoting each other at once. */
  async function setRole(actor: Actor, input: unknown): Promise<Member> {
    await requireOwner(actor);
    return applyRoleChange(actor, await planRoleChange(actor, input));
  }

  /** The settings a patch leads to, checked (a refusal throws); nothing written. */
  async function planSettings(actor: Actor, input: unknown): Promise<SettingsChange> {
    const patch = parseInput(updateSettingsSchema, input);
    const workspace = await loadWorkspace(actor.workspaceId);
    return { workspace, after: applySettingsPatch(workspace.settings, patch) };
  }

  async function applySettings(
    actor: Actor,
    { workspace, after }: SettingsChange,
  ): Promise<WorkspaceSettings> {
    const before = workspace.settings;
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
  }

  return {
    /** Get-or-create the tenant for a platform team/tenant; two processes racing end up with one. */
    async resolveWorkspace(input: ResolveWorkspaceInput): Promise<Workspace> {
      const { platform, externalId, name } = parseInput(resolveWorkspaceSchema, input);
      const existing = await workspaces.findByExternalId(platform, externalId);
      if (existing) return existing;
      const now = clock.now();
      const id = ids.next();
      const installerZone = input.timezone
        ? (canonicalTimezone(input.timezone.trim()) ?? undefined)
        : undefined;
      const workspace = await workspaces.insertOrGet({
        id,
        platform,
        externalId,
        name: name ?? '',
        settings: { ...defaultSettings(), ...(installerZone ? { timezone: installerZone } : {}) },
        createdAt: now,
        updatedAt: now,
      });
      if (workspace.id === id) logger.info('Workspace created', { workspaceId: workspace.id, platform });
      return workspace;
    },

    resolveActor: createActorResolver({ members, clock, logger }),

    requireOwner,

    async getSettings(actor: Actor): Promise<WorkspaceSettings> {
      return (await loadWorkspace(actor.workspaceId)).settings;
    },

    /** F16, owners only. Only the keys given change; the whole input is checked before writing. */
    async updateSettings(actor: Actor, input: unknown): Promise<WorkspaceSettings> {
      await requireOwner(actor);
      return applySettings(actor, await planSettings(actor, input));
    },

    /**
     * F16's form as one decision, all or nothing: the settings and, when one is asked for, a role
     * change are both checked before anything is written, so a refusal of either (a role for
     * someone who has not used the app yet, the last owner's demotion, a bad setting) leaves
     * everything as it was. Every refusal comes back at once, each on its own field.
     */
    async updateSettingsAndRole(
      actor: Actor,
      input: { settings: unknown; role?: unknown },
    ): Promise<{ settings: WorkspaceSettings; member?: Member }> {
      await requireOwner(actor);
      const refusals: Record<string, string> = {};
      const refusedOrPlanned = async <T>(plan: Promise<T>): Promise<T | undefined> => {
        try {
          return await plan;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          Object.assign(refusals, error.fieldErrors);
          return undefined;
        }
      };
      const settings = await refusedOrPlanned(planSettings(actor, input.settings));
      const role =
        input.role === undefined ? undefined : await refusedOrPlanned(planRoleChange(actor, input.role));
      if (!settings || Object.keys(refusals).length > 0) throw new ValidationError(refusals);
      const saved = await applySettings(actor, settings);
      if (!role) return { settings: saved };
      return { settings: saved, member: await applyRoleChange(actor, role) };
    },

    setRole,

    /**
     * The server operator (admin CLI) gives a role in a chat workspace: how a workspace whose
     * only owner was made by the old first-come rule is handed to its real admin. The person
     * must have used the app once, so the id is one the platform vouched for.
     */
    async setRoleAsOperator(input: {
      platform: Platform;
      externalId: string;
      userId: string;
      role: Role;
    }): Promise<Member> {
      const workspace = await workspaces.findByExternalId(input.platform, input.externalId);
      if (!workspace) {
        throw new NotFoundError(
          ErrorCode.WorkspaceNotFound,
          `No ${input.platform} workspace "${input.externalId}" has used the app yet.`,
        );
      }
      const operator: Actor = {
        workspaceId: workspace.id,
        userId: OPERATOR_ID,
        role: 'owner',
        displayName: 'Server operator',
      };
      return setRole(operator, { userId: input.userId, role: input.role });
    },

    async listMembers(actor: Actor): Promise<Member[]> {
      return members.list(actor.workspaceId);
    },

    /** A member of the actor's workspace (an assignee to name, or to register first); null when unknown. Any role. */
    async findMember(actor: Actor, input: unknown): Promise<Member | null> {
      const { userId } = parseInput(memberIdSchema, input);
      return members.find(actor.workspaceId, userId);
    },

    /**
     * The Actor of someone the app already knows, for a request verified by the app itself rather
     * than by the platform (a signed download link names the workspace and the person). Never
     * creates the member: undefined when they are gone, and the role is the one they have today.
     */
    async knownActor(input: { workspaceId: string; userId: string }): Promise<Actor | undefined> {
      const member = await members.find(input.workspaceId, input.userId);
      return member
        ? {
            workspaceId: input.workspaceId,
            userId: member.userId,
            role: member.role,
            displayName: member.displayName,
          }
        : undefined;
    },
  };
}

/** A role for someone with no member record: what they must do, and that the form saved nothing. */
export const NOT_A_MEMBER_YET =
  'This person has not used the app yet, so they have no role to change. Ask them to open the app once (any command will do), then give them a role. Nothing was saved.';

interface RoleChange {
  target: Member;
  role: Role;
  unchanged: boolean;
}

interface SettingsChange {
  workspace: Workspace;
  after: WorkspaceSettings;
}

function lastOwnerError(target: Member, actor: Actor): ValidationError {
  const who = target.userId === actor.userId ? 'You are' : `${target.displayName || target.userId} is`;
  return new ValidationError({
    role: `${who} the only workspace admin. Make someone else an admin first, so the workspace keeps one.`,
  });
}
