import type { AuditRepository } from '../audit/audit.js';
import type { ContactRepository, OrganisationRepository } from '../contacts/contact.repository.port.js';
import type { FollowUpScheduler } from '../followups/follow-up-scheduler.port.js';
import type { Actor } from '../shared/actor.js';
import { ErrorCode, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Clock, IdGenerator, Logger } from '../shared/ports.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { MemberRepository, WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import type { Interaction } from './interaction.js';
import type { InteractionRepository } from './interaction.repository.port.js';

/** Ports the interaction use cases need; tests pass real repositories on a test database. */
export interface InteractionServiceDeps {
  interactions: InteractionRepository;
  contacts: ContactRepository;
  /** When present, the organisation timeline checks the organisation exists in the workspace. */
  organisations?: OrganisationRepository;
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  audit: AuditRepository;
  /** `noopFollowUpScheduler` until reminders are wired in. */
  scheduler: FollowUpScheduler;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

export async function loadWorkspace(
  deps: Pick<InteractionServiceDeps, 'workspaces'>,
  actor: Actor,
): Promise<Workspace> {
  const workspace = await deps.workspaces.findById(actor.workspaceId);
  if (!workspace) throw new NotFoundError(ErrorCode.WorkspaceNotFound, 'This workspace is not set up yet.');
  return workspace;
}

/** The interaction in the actor's workspace; another workspace's id is simply not found. */
export async function loadInteraction(
  deps: Pick<InteractionServiceDeps, 'interactions'>,
  actor: Actor,
  id: string,
): Promise<Interaction> {
  const interaction = await deps.interactions.findById(actor.workspaceId, id);
  if (!interaction) {
    throw new NotFoundError(
      ErrorCode.InteractionNotFound,
      'This interaction no longer exists. It may have been deleted.',
    );
  }
  return interaction;
}

/** A follow-up can go to the actor or to a member of the workspace who can write. */
export async function assertAssignable(
  deps: Pick<InteractionServiceDeps, 'members'>,
  actor: Actor,
  assigneeId: string,
  field: string,
): Promise<void> {
  if (assigneeId === actor.userId) return;
  const member = await deps.members.find(actor.workspaceId, assigneeId);
  if (!member) {
    throw new ValidationError({
      [field]: "This person hasn't used the interaction log in this workspace yet. Ask them to open it once.",
    });
  }
  if (member.role === 'viewer') {
    throw new ValidationError({
      [field]: 'This person can only read the log, so they cannot be assigned a follow-up.',
    });
  }
}

/** The author's display name: from the verified request, else the member profile, else the id. */
export async function authorNameOf(
  deps: Pick<InteractionServiceDeps, 'members'>,
  actor: Actor,
): Promise<string> {
  if (actor.displayName) return actor.displayName;
  const member = await deps.members.find(actor.workspaceId, actor.userId);
  return member?.displayName || actor.userId;
}

/**
 * Matches typed values to the workspace list ignoring case ("visit" is the listed "Visit"),
 * and reports the ones the list does not have yet, so they can join it.
 */
export function matchList(values: string[], list: string[]): { values: string[]; added: string[] } {
  const known = new Map(list.map((entry) => [entry.toLowerCase(), entry]));
  const added: string[] = [];
  const matched = values.map((value) => {
    const existing = known.get(value.toLowerCase());
    if (existing !== undefined) return existing;
    known.set(value.toLowerCase(), value);
    added.push(value);
    return value;
  });
  return { values: matched, added };
}

/** Type-specific fields: only a Visit keeps a visit address. */
export function isVisit(type: string): boolean {
  return type.toLowerCase() === 'visit';
}

export async function addToWorkspaceLists(
  deps: Pick<InteractionServiceDeps, 'workspaces'>,
  workspaceId: string,
  lists: { interactionTypes: string[]; actions: string[] },
): Promise<void> {
  if (lists.interactionTypes.length === 0 && lists.actions.length === 0) return;
  await deps.workspaces.addToLists(workspaceId, lists);
}
