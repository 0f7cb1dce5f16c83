import type { Role } from '../shared/actor.js';
import type { Platform } from './workspace.js';

/**
 * What the chat platform says about a person, read from its verified API (Slack users.info,
 * the Teams roster and activity), never from anything the person typed.
 */
export interface PlatformFacts {
  /** Slack workspace owner, primary owner or admin. */
  platformAdmin?: boolean;
  /** Slack single- or multi-channel guest; a Teams guest (roster userRole "guest"). */
  guest?: boolean;
  /** The person's own IANA time zone (Slack profile tz, Teams localTimezone). */
  timezone?: string;
}

export interface ArrivalFacts {
  /** The person installed the app (Slack OAuth installer, Teams installationUpdate "add"). */
  installer: boolean;
  platformAdmin: boolean;
  guest: boolean;
  /** The platform could not be asked who this person is (timeout, outage). */
  factsUnknown: boolean;
  workspaceHasOwner: boolean;
  defaultRole: Role;
}

/**
 * The role a person gets the first time they use the app, the same on every platform. Only the
 * platform's own authority makes an owner: a Slack owner/admin always, the installer of a
 * workspace that has no owner yet (Teams lets anyone add the app for themselves, so later
 * installs make members). Arriving first never does, so whoever happens to type first cannot
 * take over a workspace. Guests only read. A person the platform could not describe starts as
 * a viewer until it can (see returningRole).
 */
export function arrivalRole(facts: ArrivalFacts): Role {
  if (facts.platformAdmin || (facts.installer && !facts.workspaceHasOwner)) return 'owner';
  if (facts.guest || facts.factsUnknown) return 'viewer';
  // Owner is never a default: it would make every newcomer a workspace admin.
  return facts.defaultRole === 'owner' ? 'member' : facts.defaultRole;
}

/**
 * The role of a person already known, when the platform's facts about them are read again:
 * a role an owner gave sticks; a workspace left without any owner gets the first platform admin
 * (or installer) who comes back; a person who started as a viewer only because the platform
 * could not be asked gets their real arrival role once it answers. Undefined: unchanged.
 */
export function returningRole(
  current: { role: Role; provisional: boolean },
  facts: Omit<ArrivalFacts, 'factsUnknown'>,
): Role | undefined {
  if (current.provisional) {
    const role = arrivalRole({ ...facts, factsUnknown: false });
    return role === current.role ? undefined : role;
  }
  if (current.role !== 'owner' && !facts.workspaceHasOwner && (facts.installer || facts.platformAdmin)) {
    return 'owner';
  }
  return undefined;
}

/** What someone asking for an admin action hears when the workspace has no admin at all yet. */
export function noAdminYetMessage(platform: Platform): string {
  if (platform === 'slack') {
    return (
      'This workspace has no Interaction Log admin yet. A Slack workspace owner or admin becomes ' +
      'one as soon as they use /interaction: ask one of them to type /interaction help.'
    );
  }
  if (platform === 'teams') {
    return (
      'This organisation has no Interaction Log admin yet. Whoever installs the app becomes one: ' +
      'ask the person who manages Teams apps to install (or reinstall) it.'
    );
  }
  return 'This workspace has no admin yet. The server operator can name one with `interaction-log set-role`.';
}
