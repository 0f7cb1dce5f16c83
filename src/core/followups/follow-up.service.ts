import type { AuditRepository } from '../audit/audit.js';
import { followUpTooFarMessage, isFollowUpTooFar } from '../interactions/date-window.js';
import { assertAssignable, loadInteraction } from '../interactions/interaction.deps.js';
import type { Interaction } from '../interactions/interaction.js';
import type { InteractionRepository } from '../interactions/interaction.repository.port.js';
import { type Actor, assertCanWrite } from '../shared/actor.js';
import { ErrorCode, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Clock, IdGenerator, Logger } from '../shared/ports.js';
import { parseInput } from '../shared/zod.js';
import type { MemberRepository, WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import {
  assertMayChangeFollowUp,
  changeFollowUp,
  markFollowUpDone,
  type WithFollowUp,
} from './close-follow-up.js';
import {
  endOfToday,
  followUpTargetSchema,
  listMyFollowUpsSchema,
  reassignSchema,
  snoozeSchema,
  snoozeUntil,
} from './follow-up.schemas.js';
import type { FollowUpScheduler } from './follow-up-scheduler.port.js';

export interface FollowUpServiceDeps {
  interactions: InteractionRepository;
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  audit: AuditRepository;
  scheduler: FollowUpScheduler;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

export interface FollowUpService {
  /** The actor's own follow-ups, soonest fire time first (`followUpFireAt`). Any role. */
  listMyFollowUps(actor: Actor, input: unknown): Promise<Interaction[]>;
  /** Assignee, author or owner. Marking a done follow-up again changes nothing. */
  markDone(actor: Actor, input: unknown): Promise<Interaction>;
  /** { interactionId, until } or { interactionId, preset: '1h' | 'tomorrow' | 'next-week' }. */
  snooze(actor: Actor, input: unknown): Promise<Interaction>;
  /** Hands an open follow-up to another member who can write. */
  reassign(actor: Actor, input: unknown): Promise<Interaction>;
}

async function loadFollowUp(deps: FollowUpServiceDeps, actor: Actor, id: string): Promise<WithFollowUp> {
  assertCanWrite(actor);
  const interaction = await loadInteraction(deps, actor, id);
  const { followUp } = interaction;
  if (!followUp) {
    throw new NotFoundError(ErrorCode.FollowUpNotFound, 'This interaction has no follow-up any more.');
  }
  const withFollowUp = { ...interaction, followUp };
  assertMayChangeFollowUp(actor, withFollowUp);
  return withFollowUp;
}

function assertOpen(interaction: WithFollowUp): void {
  if (interaction.followUp.status !== 'open') {
    throw new ValidationError({ interactionId: 'This follow-up is already done.' });
  }
}

async function memberTimeZone(deps: FollowUpServiceDeps, actor: Actor): Promise<string> {
  const member = await deps.members.find(actor.workspaceId, actor.userId);
  if (member?.timezone) return member.timezone;
  return (await deps.workspaces.findById(actor.workspaceId))?.settings.timezone ?? 'UTC';
}

export function createFollowUpService(deps: FollowUpServiceDeps): FollowUpService {
  return {
    async listMyFollowUps(actor, input) {
      const { scope, limit } = parseInput(listMyFollowUpsSchema, input ?? {});
      const now = deps.clock.now();
      const fireBefore =
        scope === 'overdue'
          ? now
          : scope === 'due'
            ? endOfToday(now, await memberTimeZone(deps, actor))
            : undefined;
      return deps.interactions.listFollowUps(actor.workspaceId, actor.userId, 'open', limit, fireBefore);
    },

    async markDone(actor, input) {
      const { interactionId } = parseInput(followUpTargetSchema, input);
      return markFollowUpDone(deps, actor, await loadFollowUp(deps, actor, interactionId));
    },

    async snooze(actor, input) {
      const data = parseInput(snoozeSchema, input);
      const now = deps.clock.now();
      const until = data.until ?? snoozeUntil(data.preset!, now, await memberTimeZone(deps, actor));
      if (until.getTime() <= now.getTime()) {
        throw new ValidationError({ until: 'Choose a time in the future.' });
      }
      if (isFollowUpTooFar(until, now)) {
        throw new ValidationError({ until: followUpTooFarMessage(now) });
      }
      const before = await loadFollowUp(deps, actor, data.interactionId);
      assertOpen(before);
      return changeFollowUp(deps, actor, before, { ...before.followUp, snoozedUntil: until });
    },

    async reassign(actor, input) {
      const { interactionId, assigneeId } = parseInput(reassignSchema, input);
      const before = await loadFollowUp(deps, actor, interactionId);
      assertOpen(before);
      if (before.followUp.assigneeId === assigneeId) return before;
      await assertAssignable(deps, actor, assigneeId, 'assigneeId');
      return changeFollowUp(deps, actor, before, { ...before.followUp, assigneeId });
    },
  };
}
