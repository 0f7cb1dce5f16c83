import { ForbiddenError } from './errors.js';

/** viewer reads; member reads and writes its own; owner (workspace admin) does everything. */
export const ROLES = ['viewer', 'member', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling a use case. Adapters build it from the *verified* platform request
 * (never from user input), so workspaceId is the tenant every query is scoped to.
 */
export interface Actor {
  workspaceId: string;
  userId: string;
  role: Role;
  displayName?: string;
  /** The person's own IANA zone when the platform told us; unset: unknown. */
  timezone?: string;
}

export function canWrite(actor: Actor): boolean {
  return actor.role === 'member' || actor.role === 'owner';
}

export function assertCanWrite(actor: Actor): void {
  if (!canWrite(actor)) {
    throw new ForbiddenError(
      'Viewers can read the log but cannot change it. Ask a workspace admin for the member role.',
    );
  }
}

/** Members may change what they authored; owners may change anything. */
export function assertCanModify(actor: Actor, authorId: string, what = 'interaction'): void {
  assertCanWrite(actor);
  if (actor.role !== 'owner' && actor.userId !== authorId) {
    throw new ForbiddenError(`Only the author or a workspace admin can change this ${what}.`);
  }
}

export function assertOwner(actor: Actor): void {
  if (actor.role !== 'owner') {
    throw new ForbiddenError('Only workspace admins can change settings and roles.');
  }
}
