import { performance } from 'node:perf_hooks';
import { reminderCard } from '../src/adapters/teams/cards/reminder-card.js';
import { type Container, storageOf } from '../src/app/container.js';
import type { PlatformSenders } from '../src/app/platform-delivery.js';
import { type InteractionWithFollowUp, presentFollowUp } from '../src/core/views/follow-up-view.js';
import type { Workspace } from '../src/core/workspaces/workspace.js';
import { TEAMS_THREAD_LIMITS } from '../test/teams/fake-connector/index.js';
import type { RateLimitRule } from '../test/teams/fake-connector/types.js';
import { progress, round } from './support.js';
import {
  type BareTeamsApp,
  type BenchUser,
  benchUsers,
  CARD_TYPE,
  pool,
  type TeamsLoad,
  tally,
} from './teams-support.js';

/** A morning's follow-ups: a few people with many reminders each, so the thread limits bite. */
export const CONVERSATIONS = 15;
export const REMINDERS_PER_CONVERSATION = 40;
export const REMINDERS = CONVERSATIONS * REMINDERS_PER_CONVERSATION;
export const SEND_CONCURRENCY = 50;
const RENDER = { timeZone: 'UTC', dateFormat: 'dd/MM/yyyy HH:mm' };

/**
 * When the last of `count` sends into one conversation could go, at the earliest, under the
 * connector's rules (zero latency, each send the moment every window has room — the connector's
 * own arithmetic). CONVERSATIONS lanes in parallel make the allowed rate.
 */
export function fastestScheduleMs(rules: readonly RateLimitRule[], count: number): number {
  const hits: number[] = [];
  let t = 0;
  while (hits.length < count) {
    let waitMs = 0;
    for (const rule of rules) {
      const inWindow = hits.filter((hit) => hit > t - rule.windowMs);
      const decisive = inWindow[inWindow.length - rule.perConversation];
      if (decisive !== undefined) waitMs = Math.max(waitMs, decisive + rule.windowMs - t);
    }
    if (waitMs > 0) t += waitMs;
    else hits.push(t);
  }
  return hits.at(-1) ?? 0;
}

export function allowedRate() {
  const fastestMs = fastestScheduleMs(TEAMS_THREAD_LIMITS, REMINDERS_PER_CONVERSATION);
  return {
    rules: TEAMS_THREAD_LIMITS.map((rule) => `${rule.perConversation} per ${rule.windowMs / 1000} s`),
    fastestSecondsForAll: round(fastestMs / 1000, 2),
    sendsPerSecond: round(REMINDERS / (fastestMs / 1000), 1),
  };
}

/** Reminder `index` of a batch goes to conversation index % CONVERSATIONS (interleaved, as due times mix). */
export function reminderBatch(workspaceId: string, label: string, users: BenchUser[], dueAt: Date) {
  return Array.from({ length: REMINDERS }, (_, index) => {
    const user = users[index % users.length] as BenchUser;
    return { user, interaction: reminderInteraction(workspaceId, `${label}-${index}`, user.aad, dueAt) };
  });
}

/** A follow-up due now for `assignee`, as the reminder delivery would load it. */
export function reminderInteraction(
  workspaceId: string,
  key: string,
  assigneeId: string,
  dueAt: Date,
): InteractionWithFollowUp {
  const id = `tb-${key}`;
  const at = new Date(dueAt.getTime() - 86_400_000);
  const interaction: InteractionWithFollowUp = {
    id,
    workspaceId,
    eventId: id,
    contactId: `${workspaceId}-c${key}`,
    contactName: `Contact ${key}`,
    type: 'Call',
    actions: ['Discussion'],
    description: `Call back about the order #${key}`,
    occurredAt: at,
    createdAt: at,
    updatedAt: at,
    authorId: assigneeId,
    authorName: 'Bench Owner',
    important: false,
    followUp: { dueAt, assigneeId, status: 'open' },
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: `${id}:seed`,
  };
  return interaction;
}

/** Stored personal chats for `users`, as the conversation recorder leaves them. */
export async function saveRefs(
  container: Container,
  workspaceId: string,
  serviceUrl: string,
  users: BenchUser[],
) {
  const refs = storageOf(container).conversationRefs;
  await pool(users, 20, (user) =>
    refs.save({
      workspaceId,
      kind: 'personal',
      conversationId: user.conversation,
      serviceUrl,
      userId: user.aad,
      updatedAt: new Date(),
    }),
  );
}

interface Round {
  seconds: number;
  sendsPerSecond: number;
  fractionOfAllowed: number;
  failedSends: number;
  delivered: number;
  losses: number;
  duplicates: number;
}

/**
 * REMINDERS reminder cards, REMINDERS_PER_CONVERSATION each to CONVERSATIONS people's stored
 * personal chats, SEND_CONCURRENCY in flight, through our notifier (ref lookup, rendering,
 * pacing, SDK send, 429 retry) on a connector enforcing Teams' thread limits. Two rounds on
 * fresh conversations; the second is the figure, as a fraction of the fastest schedule the
 * limits allow. Beside it, the same cards pushed through a bare SDK client with no pacing:
 * what the limits refuse. Every reminder is then found at the connector by its interaction id.
 */
export async function teamsProactiveBench(
  load: TeamsLoad,
  container: Container,
  workspace: Workspace,
  senders: PlatformSenders,
  bare: BareTeamsApp,
) {
  const now = new Date();
  const allowed = allowedRate();
  const rounds: Round[] = [];
  for (let r = 0; r < 2; r++) {
    const users = benchUsers(2 + r, CONVERSATIONS, `rem-ours-${r}`);
    await load.register(users);
    await saveRefs(container, workspace.id, load.serviceUrl, users);
    const batch = reminderBatch(workspace.id, `d${r}`, users, now);
    progress(`teams: ${REMINDERS} reminders to ${CONVERSATIONS} chats → our notifier (round ${r + 1})`);
    let failedSends = 0;
    const start = performance.now();
    await pool(batch, SEND_CONCURRENCY, async ({ interaction }) => {
      const result = await senders.notifier.sendReminder({
        workspaceId: workspace.id,
        assigneeId: interaction.followUp.assigneeId,
        view: presentFollowUp(interaction, now),
        ...RENDER,
      });
      if (!result.ok) failedSends++;
    });
    const seconds = (performance.now() - start) / 1000;
    const { firstAt: _firstAt, ...counted } = await tally(
      load,
      users.map((user) => user.conversation),
      batch.map(({ interaction }) => interaction.id),
    );
    rounds.push({
      seconds: round(seconds, 2),
      sendsPerSecond: round(REMINDERS / seconds, 1),
      fractionOfAllowed: round(allowed.fastestSecondsForAll / seconds, 3),
      failedSends,
      ...counted,
    });
  }

  const unpacedUsers = benchUsers(4, CONVERSATIONS, 'rem-bare');
  await load.register(unpacedUsers);
  const unpaced = reminderBatch(workspace.id, 'b', unpacedUsers, now);
  const api = bare.app.api.clone({ serviceUrl: load.serviceUrl });
  progress(`teams: ${REMINDERS} reminders → bare SDK connector client, no pacing`);
  let refused = 0;
  const unpacedStart = performance.now();
  await pool(unpaced, SEND_CONCURRENCY, async ({ user, interaction }) => {
    const card = reminderCard(presentFollowUp(interaction, now), RENDER);
    try {
      await api.conversations
        .activities(user.conversation)
        .create({ type: 'message', attachments: [{ contentType: CARD_TYPE, content: card }] });
    } catch {
      refused++;
    }
  });
  const last = rounds.at(-1) as Round;
  return {
    path: 'direct: senders.notifier.sendReminder (no scheduler)',
    reminders: REMINDERS,
    conversations: CONVERSATIONS,
    perConversation: REMINDERS_PER_CONVERSATION,
    concurrency: SEND_CONCURRENCY,
    allowed,
    ours: last,
    firstRound: rounds[0],
    bareSdkUnpaced: {
      seconds: round((performance.now() - unpacedStart) / 1000, 2),
      accepted: REMINDERS - refused,
      refused429OrOther: refused,
    },
    duplicates: rounds.reduce((sum, entry) => sum + entry.duplicates, 0),
    losses: rounds.reduce((sum, entry) => sum + entry.losses, 0),
    target: { fractionMin: 0.8, duplicates: 0, losses: 0 },
    withinTarget: last.fractionOfAllowed >= 0.8 && last.duplicates === 0 && last.losses === 0,
  };
}
