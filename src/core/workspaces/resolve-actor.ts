import type { Actor } from '../shared/actor.js';
import type { Clock, Logger } from '../shared/ports.js';
import { parseInput } from '../shared/zod.js';
import { arrivalRole, type PlatformFacts, returningRole } from './arrival.js';
import type { Workspace } from './workspace.js';
import type { MemberPatch, MemberRepository } from './workspace.repository.port.js';
import { canonicalTimezone, resolveActorSchema } from './workspace.schemas.js';

/** Built by adapters from a *verified* platform request, never from what a user typed. */
export interface ResolveActorInput {
  workspace: Pick<Workspace, 'id' | 'settings'>;
  userId: string;
  displayName?: string;
  /** This request is the person installing the app. */
  installer?: boolean;
  /** Facts the request itself carries (Teams sends the person's zone on every activity). */
  facts?: PlatformFacts;
  /**
   * Asks the platform about the person (Slack users.info, the Teams roster). Called only when
   * the stored facts are missing or stale; undefined or a throw means the platform did not answer.
   */
  lookupFacts?: () => Promise<PlatformFacts | undefined>;
}

/** Platform facts are read again after this long: someone made a Slack admin is seen within a day. */
export const PROFILE_REFRESH_MS = 24 * 60 * 60 * 1000;

export function createActorResolver(deps: { members: MemberRepository; clock: Clock; logger: Logger }) {
  const { members, clock, logger } = deps;
  /**
   * The Actor for a verified request. The member is created on first sight with the role
   * arrivalRole gives from the platform's facts (installer or platform admin: owner; guest:
   * viewer; else the workspace default): never owner just for arriving first. The facts are
   * stored on the member and read again once a day, so the platform is not asked every request.
   */
  return async function resolveActor(input: ResolveActorInput): Promise<Actor> {
    const { workspace } = input;
    const parsed = parseInput(resolveActorSchema, {
      userId: input.userId,
      displayName: input.displayName,
    });
    const displayName = parsed.displayName || undefined;
    const now = clock.now();
    let member = await members.find(workspace.id, parsed.userId);
    const stale =
      !member ||
      member.provisional === true ||
      !member.profileCheckedAt ||
      now.getTime() - member.profileCheckedAt.getTime() >= PROFILE_REFRESH_MS;
    const looked = stale && input.lookupFacts ? await lookup(input.lookupFacts) : undefined;
    // Without a lookup the given facts are all there is (a Slack assignee read from users.info,
    // the CLI, tests): they count as known.
    const factsUnknown = Boolean(stale && input.lookupFacts && !looked);
    const facts: PlatformFacts = { ...looked, ...definedFacts(input.facts) };
    const timezone = facts.timezone ? knownZone(facts.timezone) : undefined;
    const checked = stale && !factsUnknown;
    const flags = {
      installer: input.installer === true,
      platformAdmin: facts.platformAdmin ?? member?.platformAdmin ?? false,
      guest: facts.guest ?? member?.guest ?? false,
    };
    if (!member) {
      const hasOwner = (await members.countOwners(workspace.id)) > 0;
      const role = arrivalRole({
        ...flags,
        factsUnknown,
        workspaceHasOwner: hasOwner,
        defaultRole: workspace.settings.defaultRole,
      });
      member = await members.insertOrGet({
        workspaceId: workspace.id,
        userId: parsed.userId,
        role,
        displayName: displayName ?? parsed.userId,
        ...(timezone ? { timezone } : {}),
        ...(checked ? { platformAdmin: flags.platformAdmin, guest: flags.guest, profileCheckedAt: now } : {}),
        ...(factsUnknown ? { provisional: true } : {}),
        createdAt: now,
        updatedAt: now,
      });
      if (role === 'owner') {
        logger.info("Owner by the platform's word (installer or admin)", {
          workspaceId: workspace.id,
          ...flags,
        });
      }
    } else {
      const patch: MemberPatch = {};
      if (displayName !== undefined && displayName !== member.displayName) patch.displayName = displayName;
      if (timezone !== undefined && timezone !== member.timezone) patch.timezone = timezone;
      if (checked) {
        patch.profileCheckedAt = now;
        if (flags.platformAdmin !== member.platformAdmin) patch.platformAdmin = flags.platformAdmin;
        if (flags.guest !== member.guest) patch.guest = flags.guest;
        const mayPromote = member.role !== 'owner' && (flags.installer || flags.platformAdmin);
        const role =
          member.provisional || mayPromote
            ? returningRole(
                { role: member.role, provisional: member.provisional === true },
                {
                  ...flags,
                  workspaceHasOwner: (await members.countOwners(workspace.id)) > 0,
                  defaultRole: workspace.settings.defaultRole,
                },
              )
            : undefined;
        if (role) patch.role = role;
        if (member.provisional) patch.provisional = false;
      }
      if (Object.keys(patch).length > 0) {
        await members.updateMember(workspace.id, parsed.userId, patch, now);
        member = { ...member, ...patch, updatedAt: now };
      }
    }
    return {
      workspaceId: workspace.id,
      userId: member.userId,
      role: member.role,
      displayName: member.displayName,
      ...(member.timezone ? { timezone: member.timezone } : {}),
    };
  };
}

async function lookup(ask: () => Promise<PlatformFacts | undefined>): Promise<PlatformFacts | undefined> {
  try {
    return await ask();
  } catch {
    return undefined;
  }
}

function definedFacts(facts: PlatformFacts | undefined): PlatformFacts {
  const defined: PlatformFacts = {};
  if (facts?.platformAdmin !== undefined) defined.platformAdmin = facts.platformAdmin;
  if (facts?.guest !== undefined) defined.guest = facts.guest;
  if (facts?.timezone) defined.timezone = facts.timezone;
  return defined;
}

/** A zone the runtime knows, in its canonical spelling; an unknown one is ignored, not an error. */
function knownZone(zone: string): string | undefined {
  return canonicalTimezone(zone.trim()) ?? undefined;
}
