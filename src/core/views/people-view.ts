import type { Role } from '../shared/actor.js';
import type { Member } from '../workspaces/workspace.js';

/** What each role may do, in words, for every surface that lets an admin pick one (F17). */
export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer: reads only',
  member: 'Member: logs and edits their own',
  owner: 'Admin: everything, settings included',
};

/** The role as a name in a sentence ("Bob is now an admin"). */
export const ROLE_NAMES: Record<Role, string> = { viewer: 'a viewer', member: 'a member', owner: 'an admin' };

const GROUP_TITLES: Record<Role, string> = { owner: 'Admins', member: 'Members', viewer: 'Viewers' };

/** Admins first: the people an admin most needs to see when changing roles. */
const GROUP_ORDER: readonly Role[] = ['owner', 'member', 'viewer'];

export interface PersonView {
  userId: string;
  /** The display name the platform last gave, or a stand-in when it never gave one. */
  name: string;
  role: Role;
}

export interface PeopleView {
  /** One group per role, admins first, each sorted by name; empty groups included. */
  groups: { role: Role; title: string; people: PersonView[] }[];
  /** Everyone, sorted by name: the choices of a "change the role of" picker. */
  everyone: PersonView[];
}

/**
 * A member created before the platform told us their name has the platform id as display
 * name (`resolveActor`): an id means nothing to an admin, so it is replaced by a stand-in.
 */
export function personName(member: Pick<Member, 'userId' | 'displayName'>): string {
  const name = member.displayName.trim();
  return name && name !== member.userId ? name : 'Name not known yet';
}

/** F16/F17: who holds which role, by display name, for the settings surfaces of both platforms. */
export function presentPeople(members: readonly Member[]): PeopleView {
  const everyone = members
    .map((member) => ({ userId: member.userId, name: personName(member), role: member.role }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return {
    groups: GROUP_ORDER.map((role) => ({
      role,
      title: GROUP_TITLES[role],
      people: everyone.filter((person) => person.role === role),
    })),
    everyone,
  };
}
