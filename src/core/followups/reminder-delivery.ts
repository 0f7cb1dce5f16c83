import { z } from 'zod';
import {
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  deliveryId,
  type SendResult,
} from '../deliveries/delivery.js';
import type { DeliveryRepository } from '../deliveries/delivery.repository.port.js';
import {
  type GuardedItem,
  type GuardedOutcome,
  runGuarded,
  runGuardedMany,
} from '../deliveries/guarded-send.js';
import { followUpFireAt, type Interaction } from '../interactions/interaction.js';
import type { Clock, Logger } from '../shared/ports.js';
import { type FollowUpView, isReminderLate, presentReminder } from '../views/follow-up-view.js';
import { DEFAULT_DATE_FORMAT, DEFAULT_TIMEZONE, type Workspace } from '../workspaces/workspace.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import { safeTimeZone } from './follow-up.schemas.js';

/** One due reminder, as the scheduler queued it: the fire time is part of its identity. */
export interface ReminderRequest {
  workspaceId: string;
  interactionId: string;
  fireAt: Date;
}

/** What the platform adapter renders and sends as a DM to the assignee. */
export interface ReminderMessage {
  workspaceId: string;
  assigneeId: string;
  view: FollowUpView;
  timeZone: string;
  dateFormat: string;
}

/** Port: sends the reminder DM. Permanent failures (user deactivated, app removed) are not retried. */
export interface ReminderNotifier {
  sendReminder(message: ReminderMessage): Promise<SendResult>;
}

/**
 * Reads many interactions at once (the dispatcher sends hundreds per batch). Each reference
 * carries its workspace: a record of another workspace is never returned for it.
 * Candidate for InteractionRepository.findByIds.
 */
export interface InteractionLookup {
  findMany(refs: readonly { workspaceId: string; id: string }[]): Promise<Interaction[]>;
}

export interface ReminderDeliveryDeps {
  interactions: InteractionLookup;
  workspaces: Pick<WorkspaceRepository, 'findById'>;
  deliveries: DeliveryRepository;
  notifier: ReminderNotifier;
  clock: Clock;
  logger: Logger;
  policy?: DeliveryPolicy;
  /** DMs in flight at once for one batch (each workspace's client also queues its own). */
  concurrency?: number;
}

export type ReminderOutcome = GuardedOutcome | { outcome: 'stale'; reason: string };

/** The delivery key: reminder (interaction) id + due time, so a moved reminder is a new one. */
export function reminderKey(interactionId: string, fireAt: Date): string {
  return `${interactionId}@${fireAt.toISOString()}`;
}

const requestSchema = z.object({
  workspaceId: z.string().min(1),
  interactionId: z.string().min(1),
  fireAt: z.iso.datetime(),
});

export function serializeReminderRequest(request: ReminderRequest): string {
  return JSON.stringify({ ...request, fireAt: request.fireAt.toISOString() });
}

/** null when the stored text is not a reminder request (it is then logged and left alone). */
export function parseReminderRequest(text: string): ReminderRequest | null {
  try {
    const parsed = requestSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ...parsed.data, fireAt: new Date(parsed.data.fireAt) } : null;
  } catch {
    return null;
  }
}

/**
 * Why the queued reminder should not be sent any more, or null when it should. The record is
 * read fresh at send time: done, cancelled, deleted or moved (snoozed, edited) all win.
 */
export function staleReason(interaction: Interaction | null, fireAt: Date): string | null {
  if (!interaction) return 'The interaction was deleted.';
  const followUp = interaction.followUp;
  if (!followUp) return 'The follow-up was removed from the interaction.';
  if (followUp.status === 'done') return 'The follow-up was already done.';
  if (followUp.status !== 'open') return 'The follow-up was cancelled.';
  if (followUpFireAt(followUp).getTime() !== fireAt.getTime())
    return 'The follow-up was moved to another time.';
  return null;
}

const WORKSPACE_CACHE_MS = 60_000;
const WORKSPACE_CACHE_SIZE = 10_000;

/** Items reordered round-robin by key, keeping each key's own order. */
export function interleave<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const queues = new Map<string, T[]>();
  for (const item of items) queues.set(keyOf(item), [...(queues.get(keyOf(item)) ?? []), item]);
  const result: T[] = [];
  for (let round = 0; result.length < items.length; round++) {
    for (const queue of queues.values()) if (round < queue.length) result.push(queue[round]!);
  }
  return result;
}

/** F13: sends each due reminder DM at most once, whatever the number of workers or job runs. */
export function createReminderDelivery(deps: ReminderDeliveryDeps) {
  const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
  const guard = { ...deps, policy };
  const concurrency = deps.concurrency ?? 50;

  async function send(
    request: ReminderRequest,
    interaction: Interaction,
    workspace: Workspace | null,
    now: Date,
  ) {
    const followUp = interaction.followUp!;
    // One decision for the message and the delivery record: late past the grace period.
    const late = isReminderLate(request.fireAt, now);
    const view = presentReminder({ ...interaction, followUp }, now, { late });
    const result = await deps.notifier.sendReminder({
      workspaceId: request.workspaceId,
      assigneeId: followUp.assigneeId,
      view,
      timeZone: safeTimeZone(workspace?.settings.timezone ?? DEFAULT_TIMEZONE),
      dateFormat: workspace?.settings.dateFormat ?? DEFAULT_DATE_FORMAT,
    });
    return result.ok ? { ...result, late } : result;
  }

  /**
   * Workspace settings (timezone, date format) for rendering, kept a minute: a batch reads each
   * workspace once, not once per reminder, and a settings change shows within a minute.
   */
  const workspaceCache = new Map<string, { until: number; value: Promise<Workspace | null> }>();
  function workspaceOf(id: string): Promise<Workspace | null> {
    const now = deps.clock.now().getTime();
    const cached = workspaceCache.get(id);
    if (cached && cached.until > now) return cached.value;
    if (workspaceCache.size >= WORKSPACE_CACHE_SIZE) workspaceCache.clear();
    const value = deps.workspaces.findById(id);
    // A failed read is not kept: the next reminder tries again.
    value.catch(() => workspaceCache.delete(id));
    workspaceCache.set(id, { until: now + WORKSPACE_CACHE_MS, value });
    return value;
  }

  async function loadOne(request: ReminderRequest): Promise<Interaction | null> {
    const [found] = await deps.interactions.findMany([
      { workspaceId: request.workspaceId, id: request.interactionId },
    ]);
    return found ?? null;
  }

  function specOf(request: ReminderRequest, interaction: Interaction | null) {
    return {
      kind: 'reminder' as const,
      workspaceId: request.workspaceId,
      key: reminderKey(request.interactionId, request.fireAt),
      request: serializeReminderRequest(request),
      target: interaction?.followUp?.assigneeId ?? '',
    };
  }

  /** A stale reminder is not claimed, but a retry of it still pending is closed as skipped. */
  async function closeStale(request: ReminderRequest, reason: string): Promise<ReminderOutcome> {
    const spec = specOf(request, null);
    const pending = await deps.deliveries.findPending(deliveryId('reminder', spec.workspaceId, spec.key));
    if (pending) await runGuarded(guard, spec, async () => ({ skip: reason }));
    return { outcome: 'stale', reason };
  }

  /** `onProgress` sees the sends finish (the dispatcher queues the next batch halfway through). */
  async function deliverMany(
    requests: readonly ReminderRequest[],
    onProgress?: (finished: number, total: number) => void,
  ): Promise<ReminderOutcome[]> {
    const found = await deps.interactions.findMany(
      requests.map((request) => ({ workspaceId: request.workspaceId, id: request.interactionId })),
    );
    const byId = new Map(
      found.map((interaction) => [`${interaction.workspaceId}|${interaction.id}`, interaction]),
    );

    const results: ReminderOutcome[] = requests.map(() => ({ outcome: 'busy' }));
    const items: GuardedItem[] = [];
    const itemIndex: number[] = [];
    for (const [index, request] of requests.entries()) {
      const current = byId.get(`${request.workspaceId}|${request.interactionId}`) ?? null;
      const stale = staleReason(current, request.fireAt);
      if (stale) {
        results[index] = await closeStale(request, stale);
        continue;
      }
      itemIndex.push(index);
      items.push({
        spec: specOf(request, current),
        attempt: async ({ attempt, now }) => {
          // A retry or a take-over reads the record again: it may have changed since.
          const interaction = attempt === 1 ? current : await loadOne(request);
          const reason = staleReason(interaction, request.fireAt);
          if (reason || !interaction) return { skip: reason ?? 'The interaction was deleted.' };
          return send(request, interaction, await workspaceOf(request.workspaceId), now);
        },
      });
    }
    // Round-robin over workspaces, so one large workspace (one Slack rate limit) cannot hold
    // every slot while the others wait.
    const order = interleave(
      items.map((item, i) => ({ item, i })),
      (entry) => entry.item.spec.workspaceId,
    );
    const outcomes = await runGuardedMany(
      guard,
      order.map((entry) => entry.item),
      concurrency,
      onProgress,
    );
    outcomes.forEach((outcome, position) => {
      results[itemIndex[order[position]!.i]!] = outcome;
    });
    return results;
  }

  return {
    deliverMany,
    async deliver(request: ReminderRequest): Promise<ReminderOutcome> {
      const [outcome] = await deliverMany([request]);
      return outcome!;
    },
  };
}

export type ReminderDelivery = ReturnType<typeof createReminderDelivery>;
