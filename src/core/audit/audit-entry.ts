import type { Actor } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/ports.js';
import type { AuditAction, AuditEntry } from './audit.js';

/**
 * Builds one audit entry: who (the actor), when (the clock), what (action + target), and the
 * record before/after as JSON (dates as ISO strings). Callers pass domain records only, never
 * secrets such as tokens.
 */
export function auditEntry(
  deps: { ids: IdGenerator; clock: Clock },
  actor: Actor,
  action: AuditAction,
  targetId: string,
  change: { before?: unknown; after?: unknown },
): AuditEntry {
  return {
    id: deps.ids.next(),
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action,
    targetId,
    at: deps.clock.now(),
    ...(change.before === undefined ? {} : { before: JSON.stringify(change.before) }),
    ...(change.after === undefined ? {} : { after: JSON.stringify(change.after) }),
  };
}
