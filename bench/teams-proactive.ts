import { performance } from 'node:perf_hooks';
import { reminderCard } from '../src/adapters/teams/cards/reminder-card.js';
import type { Container } from '../src/app/container.js';
import type { PlatformSenders } from '../src/app/platform-delivery.js';
import { type InteractionWithFollowUp, presentFollowUp } from '../src/core/views/follow-up-view.js';
import type { Workspace } from '../src/core/workspaces/workspace.js';
import { MongoConversationRefRepository } from '../src/infra/mongo/repositories/conversation-ref.repository.js';
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

export const REMINDERS = 500;
export const SEND_CONCURRENCY = 50;
const RENDER = { timeZone: 'UTC', dateFormat: 'dd/MM/yyyy HH:mm' };

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
  const refs = new MongoConversationRefRepository(container.database.connection);
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
  sendsPerSecond: number;
  seconds: number;
  failedSends: number;
  delivered: number;
  losses: number;
  duplicates: number;
}

async function timedRound(
  load: TeamsLoad,
  users: BenchUser[],
  send: (user: BenchUser, index: number) => Promise<boolean>,
): Promise<Round> {
  let failedSends = 0;
  const indexed = users.map((user, index) => ({ user, index }));
  const start = performance.now();
  await pool(indexed, SEND_CONCURRENCY, async ({ user, index }) => {
    if (!(await send(user, index))) failedSends++;
  });
  const seconds = (performance.now() - start) / 1000;
  const counted = await tally(
    load,
    users.map((user) => user.conversation),
  );
  return {
    sendsPerSecond: round(users.length / seconds, 1),
    seconds: round(seconds, 2),
    failedSends,
    ...counted,
  };
}

/**
 * N reminder cards to N people's stored personal chats, SEND_CONCURRENCY in flight, through our
 * notifier (conversation-ref lookup, card rendering, SDK send, error classification) and, as the
 * baseline, the same cards (rendered beforehand) posted through a bare SDK app's connector
 * client. Two rounds each, alternating, on fresh conversations; the second round is the figure.
 * Every conversation is then counted at the fake connector: exactly one message each.
 */
export async function teamsProactiveBench(
  load: TeamsLoad,
  container: Container,
  workspace: Workspace,
  senders: PlatformSenders,
  bare: BareTeamsApp,
) {
  const now = new Date();
  const rounds: { ours: Round; bareSdk: Round }[] = [];
  for (let r = 0; r < 2; r++) {
    const oursUsers = benchUsers(2 + 2 * r, REMINDERS, `rem-ours-${r}`);
    const bareUsers = benchUsers(3 + 2 * r, REMINDERS, `rem-bare-${r}`);
    await load.register([...oursUsers, ...bareUsers]);
    await saveRefs(container, workspace.id, load.serviceUrl, oursUsers);
    const viewOf = (user: BenchUser, index: number) =>
      presentFollowUp(reminderInteraction(workspace.id, `${r}-${index}`, user.aad, now), now);
    const cards = bareUsers.map((user, index) => reminderCard(viewOf(user, index), RENDER));
    const api = bare.app.api.clone({ serviceUrl: load.serviceUrl });

    progress(`teams: ${REMINDERS} reminders → bare SDK connector client (round ${r + 1})`);
    const bareRound = await timedRound(load, bareUsers, async (user, index) => {
      const sent = await api.conversations.activities(user.conversation).create({
        type: 'message',
        attachments: [{ contentType: CARD_TYPE, content: cards[index] }],
      });
      return typeof sent.id === 'string';
    });
    progress(`teams: ${REMINDERS} reminders → our notifier (round ${r + 1})`);
    const oursRound = await timedRound(load, oursUsers, async (user, index) => {
      const result = await senders.notifier.sendReminder({
        workspaceId: workspace.id,
        assigneeId: user.aad,
        view: viewOf(user, index),
        ...RENDER,
      });
      return result.ok;
    });
    rounds.push({ ours: oursRound, bareSdk: bareRound });
  }
  // Diagnostic: the stored-chat lookup alone, which ours does before each SDK call.
  const refs = new MongoConversationRefRepository(container.database.connection);
  const lookupUsers = benchUsers(2, REMINDERS, 'rem-ours-0');
  const lookupStart = performance.now();
  await pool(lookupUsers, SEND_CONCURRENCY, async (user) => {
    await refs.personal(workspace.id, user.aad);
  });
  const refLookupsPerSecond = round(REMINDERS / ((performance.now() - lookupStart) / 1000), 1);
  const last = rounds.at(-1) as { ours: Round; bareSdk: Round };
  const fraction = round(last.ours.sendsPerSecond / last.bareSdk.sendsPerSecond, 3);
  const all = rounds.flatMap((entry) => [entry.ours, entry.bareSdk]);
  return {
    path: 'direct: senders.notifier.sendReminder (no scheduler)',
    reminders: REMINDERS,
    concurrency: SEND_CONCURRENCY,
    ours: last.ours,
    bareSdk: last.bareSdk,
    fractionOfBaseline: fraction,
    refLookupsOnlyPerSecond: refLookupsPerSecond,
    firstRound: rounds[0],
    duplicates: all.reduce((sum, entry) => sum + entry.duplicates, 0),
    losses: all.reduce((sum, entry) => sum + entry.losses, 0),
    target: { fractionMin: 0.8, duplicates: 0, losses: 0 },
    withinTarget: fraction >= 0.8,
  };
}
