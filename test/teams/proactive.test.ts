import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageOf } from '../../src/app/container.js';
import { routeByPlatform } from '../../src/app/platform-delivery.js';
import type { ReminderMessage } from '../../src/core/followups/reminder-delivery.js';
import { reportCsv } from '../../src/core/reports/report-delivery.js';
import { REMINDER_GRACE_MS } from '../../src/core/views/follow-up-view.js';
import { JobName } from '../../src/infra/jobs/job-names.js';
import { eventually, startWorker, type Worker, wallClock } from '../jobs/support/world.js';
import { type FakeSlack, startFakeSlack } from '../slack/fake-slack/index.js';
import { action, cardOf, cardText, dialogCard, expectValidCard, invokeCard } from './support/cards.js';
import { addContact, seedTenant, type TeamsWorld } from './support/seed.js';
import { CHANNEL, personalChat, TENANT, USERS, useTeamsApp } from './support/teams-app.js';

const CAROL = '00000000-0000-4000-8000-0000000ca201';

/** A card's inputs by id. */
function cardInputs(card: unknown): Record<string, { type: string; value?: unknown }> {
  const inputs: Record<string, { type: string; value?: unknown }> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; id?: unknown; value?: unknown };
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string')
      inputs[record.id] = { type: record.type, value: record.value };
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return inputs;
}

describe('Teams proactive messages through the shared exactly-once delivery', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let slack: FakeSlack;
  let worker: Worker;
  const clock = wallClock();

  beforeAll(async () => {
    slack = await startFakeSlack();
    world = await seedTenant(t.container);
    // Bob has talked to the bot, so his personal chat is known; Carol never has.
    await t.message('help', { user: 'bob' });
    t.connector.addMember(TENANT, CAROL);
    await t.container.workspaces.resolveActor({
      workspace: world.workspace,
      userId: CAROL,
      displayName: 'Carol',
    });
    const routed = routeByPlatform(storageOf(t.container).repositories.workspaces, {
      teams: t.teams.senders,
    });
    worker = await startWorker(storageOf(t.container), slack, {
      clock,
      notifier: routed.notifier,
      publisher: routed.publisher,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await slack?.close();
  });

  /** A follow-up due in a moment; the core's clock then moves `laterMs` on (the send's "now"). */
  async function dueSoon(assigneeId: string, key: string, laterMs = 2_000) {
    const contact = await addContact(worker.container, world.actors.alice, 'Élise', `Lévy ${key}`);
    const dueAt = new Date(worker.container.clock.now().getTime() + 1_500);
    const logged = await worker.container.interactions.logInteraction(world.actors.alice, {
      idempotencyKey: key,
      contactIds: [contact.id],
      type: 'Call',
      description: 'Promised a quote',
      followUp: { dueAt, assigneeId },
    });
    // The core's clock is the test's: move it past the due time, the dispatcher does the rest.
    clock.advance(laterMs);
    return logged.interactions[0];
  }

  const reminderCards = (conversation: string) =>
    t.connector
      .messages(conversation)
      .filter((message) => cardText(cardOf(message)).includes('⏰ Follow-up'));

  it('sends the reminder card once to the stored personal chat, and Done updates it in place', async () => {
    const interaction = await dueSoon(USERS.bob.aad, 'rem-bob');
    // Bob gets other tests' reminders too: only this one's card counts.
    const remBob = () =>
      reminderCards(personalChat('bob')).filter((message) => cardText(cardOf(message)).includes('rem-bob'));
    const [card] = await eventually(() => {
      const cards = remBob();
      return cards.length > 0 ? cards : undefined;
    });
    const reminder = cardOf(card);
    expectValidCard(reminder);
    expect(cardText(reminder)).toContain('Promised a quote');
    // Sent on time: due now, not overdue, and not late.
    expect(cardText(reminder)).toContain('⏰ Follow-up due now: Élise Lévy rem-bob');
    expect(cardText(reminder)).not.toMatch(/overdue|Sent late/i);
    for (const title of ['Done', 'Snooze 1 hour', 'Tomorrow', 'Next week', 'Log follow-up', 'Open timeline'])
      action(reminder, title);
    // A full dispatch sweep and retry sweep, both begun after the card arrived: a second
    // send would show up here.
    await Promise.all([
      worker.runner.nextRunOf(JobName.dispatchFollowUpReminders),
      worker.runner.nextRunOf(JobName.retryDeliveries),
    ]);
    expect(remBob()).toHaveLength(1);

    const done = action(reminder, 'Done');
    const response = await t.invoke(
      'adaptiveCard/action',
      { action: { type: 'Action.Execute', verb: done.verb, data: done.data } },
      { user: 'bob' },
    );
    const updated = invokeCard(response.body);
    expect(cardText(updated)).toContain('Follow-up done');
    expect(() => action(updated, 'Done')).toThrow();
    const stored = await storageOf(t.container).repositories.interactions.findById(
      world.workspace.id,
      interaction?.id ?? '',
    );
    expect(stored?.followUp?.status).toBe('done');
  });

  it('opens a personal chat for someone the bot never talked to, and remembers it', async () => {
    await dueSoon(CAROL, 'rem-carol');
    const conversation = await eventually(() => t.connector.conversationFor(TENANT, CAROL));
    await eventually(() => reminderCards(conversation).length === 1);
    const ref = await storageOf(t.container).conversationRefs.personal(world.workspace.id, CAROL);
    expect(ref?.conversationId).toBe(conversation);
  });

  it('Log follow-up opens the full log dialog for the contact, and logging closes that follow-up', async () => {
    const interaction = await dueSoon(USERS.bob.aad, 'rem-log');
    const [message] = await eventually(() => {
      const cards = reminderCards(personalChat('bob')).filter((card) =>
        cardText(cardOf(card)).includes('rem-log'),
      );
      return cards.length > 0 ? cards : undefined;
    });
    const button = action(cardOf(message), 'Log follow-up');
    const opened = await t.invoke(
      'task/fetch',
      { data: button.data, context: { theme: 'default' } },
      { user: 'bob' },
    );
    const dialog = dialogCard(opened.body);
    expectValidCard(dialog);
    // The full log dialog (type, actions, date, follow-up…), with the reminder's contact chosen.
    const inputs = cardInputs(dialog);
    expect(inputs.contacts?.value).toBe(interaction?.contactId);
    for (const id of ['type', 'actions', 'description', 'date', 'followUpDate', 'important'])
      expect(inputs[id], id).toBeDefined();
    expect(cardText(dialog)).toContain('Élise Lévy rem-log');
    expect(cardText(dialog)).toContain('Logging this marks the follow-up as done.');

    const submitted = await t.invoke(
      'task/submit',
      {
        data: {
          ...action(dialog, 'Log').data,
          contacts: interaction?.contactId,
          type: 'Call',
          description: 'Called back with the quote',
        },
      },
      { user: 'bob' },
    );
    expect(JSON.stringify(submitted.body)).toContain('The follow-up is marked done.');
    const timeline = await t.container.interactions.contactTimeline(world.actors.bob, {
      contactId: interaction?.contactId ?? '',
    });
    expect(timeline.items.map((item) => item.description)).toContain('Called back with the quote');
    const original = await storageOf(t.container).repositories.interactions.findById(
      world.workspace.id,
      interaction?.id ?? '',
    );
    expect(original?.followUp).toMatchObject({ status: 'done', doneBy: USERS.bob.aad });
  });

  it('shows the reminder in the assignee’s own zone, and names the workspace zone only for someone Teams gave none', async () => {
    // Dan writes from New York (Teams' localTimezone); the workspace is on UTC.
    const dan = { id: '29:dan', name: 'Dan Ross', aadObjectId: '00000000-0000-4000-8000-0000000000da' };
    const danChat = 'a:personal-dan';
    t.connector.addMember(TENANT, dan.aadObjectId);
    t.connector.addConversation({
      id: danChat,
      tenantId: TENANT,
      type: 'personal',
      members: [dan.aadObjectId],
    });
    await t.message('help', {
      extra: {
        from: dan,
        conversation: { id: danChat, conversationType: 'personal', tenantId: TENANT },
        localTimezone: 'America/New_York',
      },
    });
    const interaction = await dueSoon(dan.aadObjectId, 'rem-zone');
    const [card] = await eventually(() => {
      const cards = reminderCards(danChat);
      return cards.length > 0 ? cards : undefined;
    });
    const due = interaction?.followUp?.dueAt ?? new Date(0);
    const inZone = (zone: string) => format(due, 'dd/MM/yyyy HH:mm', { in: tz(zone) });
    const text = cardText(cardOf(card));
    expect(text).toContain(inZone('America/New_York'));
    expect(text).not.toContain(inZone('UTC'));
    expect(text).not.toMatch(/\((UTC|America\/New York)\)/);

    // Carol's reminder (she never wrote, so Teams never told us her zone) says which clock it is on.
    await dueSoon(CAROL, 'rem-zone-carol');
    const carolCard = await eventually(() => {
      const chat = t.connector.conversationFor(TENANT, CAROL);
      return chat
        ? reminderCards(chat).find((message) => cardText(cardOf(message)).includes('rem-zone-carol'))
        : undefined;
    });
    expect(cardText(cardOf(carolCard))).toMatch(/Due\s+\d\d\/\d\d\/\d{4} \d\d:\d\d \(UTC\)/);
  });

  it('says a reminder sent past its grace period is overdue and was sent late', async () => {
    await dueSoon(USERS.bob.aad, 'rem-late', REMINDER_GRACE_MS + 60_000);
    const [card] = await eventually(() => {
      const cards = reminderCards(personalChat('bob')).filter((message) =>
        cardText(cardOf(message)).includes('rem-late'),
      );
      return cards.length > 0 ? cards : undefined;
    });
    // Back to the wall clock for the tests after this one (the delivery is finished).
    clock.set(new Date());
    const text = cardText(cardOf(card));
    expect(text).toContain('⏰ Follow-up overdue: Élise Lévy rem-late');
    expect(text).toContain('Sent late');
    expect(text).not.toContain('due now');
  });

  it('posts the report card with a CSV link to the channel; a removed bot is a permanent failure', async () => {
    await t.message('help', { conversation: CHANNEL });
    const report = await t.container.reports.weeklyReport(world.actors.alice, { range: 'this week' });
    const post = {
      workspaceId: world.workspace.id,
      channelId: CHANNEL,
      report,
      late: true,
      onDemand: false,
      csv: await reportCsv(t.container.exports, world.actors.alice, report.period),
      timeZone: 'UTC',
      dateFormat: 'dd/MM/yyyy HH:mm',
    };
    const sent = await t.teams.senders.publisher.publish(post);
    expect(sent.ok).toBe(true);
    const card = cardOf(t.connector.messages(CHANNEL).at(-1));
    expectValidCard(card);
    expect(cardText(card)).toContain('Weekly report');
    expect(cardText(card)).toContain('Posted late');
    const csv = await fetch((action(card, 'Download CSV') as unknown as { url: string }).url);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Contact name');

    t.connector.removeBot(CHANNEL);
    const refused = await t.teams.senders.publisher.publish(post);
    expect(refused).toMatchObject({ ok: false, permanent: true });
  });

  const reminderFor = (assigneeId: string): ReminderMessage => ({
    workspaceId: world.workspace.id,
    assigneeId,
    view: {
      interactionId: 'x',
      contactId: 'c',
      contactName: 'Élise',
      typeLabel: 'Call',
      actions: [],
      summary: '',
      authorId: USERS.alice.aad,
      authorName: 'Alice',
      loggedAt: new Date(),
      dueAt: new Date(),
      originalDueAt: new Date(),
      snoozed: false,
      assigneeId: USERS.bob.aad,
      status: 'open',
      overdue: true,
      dueNow: false,
      important: false,
      late: false,
    },
    timeZone: 'UTC',
    dateFormat: 'dd/MM/yyyy HH:mm',
  });

  it('waits out a short 429 Retry-After and delivers once', async () => {
    // Someone with no follow-ups: the running worker never posts in this chat, only the test does.
    const erin = { id: '29:erin', name: 'Erin Cole', aadObjectId: '00000000-0000-4000-8000-00000000e417' };
    const erinChat = 'a:personal-erin';
    t.connector.addMember(TENANT, erin.aadObjectId);
    t.connector.addConversation({
      id: erinChat,
      tenantId: TENANT,
      type: 'personal',
      members: [erin.aadObjectId],
    });
    await t.message('help', {
      extra: { from: erin, conversation: { id: erinChat, conversationType: 'personal', tenantId: TENANT } },
    });
    t.connector.failNext(erinChat, { status: 429, retryAfterSeconds: 1 });
    const before = t.connector.messages(erinChat).length;
    const result = await t.teams.senders.notifier.sendReminder(reminderFor(erin.aadObjectId));
    expect(result).toMatchObject({ ok: true });
    const posts = t.connector.calls.filter(
      (call) => call.method === 'POST' && call.conversationId === erinChat,
    );
    expect(posts.slice(-2).map((call) => call.status)).toEqual([429, 201]);
    expect(t.connector.messages(erinChat)).toHaveLength(before + 1);
  });

  it('hands a long throttle back as transient, so the delivery schedule retries it', async () => {
    t.connector.failNext(personalChat('bob'), { status: 429, retryAfterSeconds: 120 });
    const result = await t.teams.senders.notifier.sendReminder(reminderFor(USERS.bob.aad));
    expect(result).toMatchObject({ ok: false, permanent: false });
    expect(result.ok ? '' : result.reason).toMatch(/429, retry after 120 s/);
  });
});
