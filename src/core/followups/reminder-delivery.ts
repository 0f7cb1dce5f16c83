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
import { memberTime, type TimeOptions } from '../workspaces/personal-time.js';
import { defaultSettings, type Workspace } from '../workspaces/workspace.js';
import type { MemberRepository, WorkspaceRepository } from '../workspaces/workspace.repository.port.js';

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
  /** The assignee's own zone when the platform told us one, else the workspace's. */
  timeZone: string;
  dateFormat: string;
  /** Set only when the times are not in the assignee's own zone: the zone's name, to show. */
  zoneLabel?: string;
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
  /** The assignee's own time zone, as the platform last said. */
  members: Pick<MemberRepository, 'find'>;
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

const CACHE_MS = 60_000;
const CACHE_SIZE = 10_000;

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

  async function send(request: ReminderRequest, interaction: Interaction, now: Date) {
    const followUp = interaction.followUp!;
    // One decision for the message and the delivery record: late past the grace period.
    const late = isReminderLate(request.fireAt, now);
    const view = presentReminder({ ...interaction, followUp }, now, { late });
    const time = await timeFor(request.workspaceId, followUp.assigneeId);
    const result = await deps.notifier.sendReminder({
      workspaceId: request.workspaceId,
      assigneeId: followUp.assigneeId,
      view,
      timeZone: time.timeZone,
      dateFormat: time.dateFormat,
      ...(time.zoneLabel ? { zoneLabel: time.zoneLabel } : {}),
    });
    return result.ok ? { ...result, late } : result;
  }

  /**
   * Reads kept a minute: a batch reads each workspace (date format, fallback zone) and each
   * assignee (own zone) once, not once per reminder, and a change shows within a minute.
   */
  const workspaceCache = new Map<string, { until: number; value: Promise<Workspace | null> }>();
  const memberZoneCache = new Map<string, { until: number; value: Promise<string | undefined> }>();
  function cached<T>(
    cache: Map<string, { until: number; value: Promise<T> }>,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    const now = deps.clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.value;
    if (cache.size >= CACHE_SIZE) cache.clear();
    const value = read();
    // A failed read is not kept: the next reminder tries again.
    value.catch(() => cache.delete(key));
    cache.set(key, { until: now + CACHE_MS, value });
    return value;
  }

  /** The assignee's clock: their own zone, or the workspace's labelled (core/workspaces/personal-time). */
  async function timeFor(workspaceId: string, assigneeId: string): Promise<TimeOptions> {
    const [workspace, ownZone] = await Promise.all([
      cached(workspaceCache, workspaceId, () => deps.workspaces.findById(workspaceId)),
      cached(memberZoneCache, `${workspaceId}|${assigneeId}`, async () => {
        const member = await deps.members.find(workspaceId, assigneeId);
        return member?.timezone;
      }),
    ]);
    return memberTime(workspace ?? { settings: defaultSettings() }, ownZone);
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
          return send(request, interaction, now);
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
