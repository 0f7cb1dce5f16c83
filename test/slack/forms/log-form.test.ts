import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import { blockActionsPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  actionsBlockOf,
  addContact,
  elementOf,
  interactionsOf,
  mrkdwnOf,
  OTHER_TYPE_VALUE,
  openLogFormByShortcut,
  resend,
  type Seeded,
  seedWorkspace,
  submission,
  submit,
  textOf,
} from './form-support.js';

describe('submitting the log form', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
  });

  it('logs one interaction for one contact and confirms it in a DM', async () => {
    const ann = await addContact(slack, seeded.alice, 'Ann', 'Single');
    const view = await openLogFormByShortcut(slack);
    const dmBefore = slack.fake.messages(ALICE).length;
    const response = await submit(slack, view, {
      contacts: [{ id: ann.id }],
      type: 'Call',
      actions: ['Discussion'],
      newActions: 'Sent brochure',
      description: 'Talked about the winter programme',
      important: true,
      direction: 'outbound',
      channel: 'call',
      followUpDate: '2026-11-20',
      followUpTime: '10:00',
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const [record, ...rest] = await interactionsOf(slack, seeded.alice, [ann.id]);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      type: 'Call',
      actions: ['Discussion', 'Sent brochure'],
      description: 'Talked about the winter programme',
      occurredAt: new Date('2026-11-16T08:30:00.000Z'),
      important: true,
      direction: 'outbound',
      channel: 'call',
      followUp: { dueAt: new Date('2026-11-20T10:00:00.000Z'), assigneeId: ALICE, status: 'open' },
      source: { kind: 'manual' },
    });
    const dm = slack.fake.messages(ALICE).slice(dmBefore);
    expect(dm).toHaveLength(1);
    expect(textOf(dm[0]?.blocks)).toContain('Logged');
    expect(textOf(dm[0]?.blocks)).toContain('Ann Single');
  });

  it('logs the same interaction for three contacts, one record each sharing an event id', async () => {
    const people = [
      await addContact(slack, seeded.alice, 'Group', 'One'),
      await addContact(slack, seeded.alice, 'Group', 'Two'),
      await addContact(slack, seeded.alice, 'Group', 'Three'),
    ];
    const view = await openLogFormByShortcut(slack);
    const dmBefore = slack.fake.messages(ALICE).length;
    const response = await submit(slack, view, {
      contacts: people.map((p) => ({ id: p.id })),
      type: 'Meeting',
      description: 'Winter class',
    });
    expect(response.body).toBe('');
    const records = await interactionsOf(
      slack,
      seeded.alice,
      people.map((p) => p.id),
    );
    expect(records).toHaveLength(3);
    expect(new Set(records.map((r) => r.eventId)).size).toBe(1);
    expect(new Set(records.map((r) => r.contactId))).toEqual(new Set(people.map((p) => p.id)));
    const [dm] = slack.fake.messages(ALICE).slice(dmBefore);
    expect(textOf(dm?.blocks)).toContain('3 contacts');
    const buttons = actionsBlockOf(dm);
    expect(buttons?.elements).toHaveLength(3);
  });

  it('logs once when the same view is submitted twice, and once more as a Slack retry', async () => {
    const people = [
      await addContact(slack, seeded.alice, 'Twice', 'A'),
      await addContact(slack, seeded.alice, 'Twice', 'B'),
    ];
    const view = await openLogFormByShortcut(slack);
    const dmBefore = slack.fake.messages(ALICE).length;
    const payload = submission(slack, view, { contacts: people.map((p) => ({ id: p.id })), type: 'Call' });
    expect((await slack.interact(payload)).body).toBe('');
    expect((await slack.interact(payload)).body).toBe('');
    expect((await resend(slack, payload)).body).toBe('');
    const records = await interactionsOf(
      slack,
      seeded.alice,
      people.map((p) => p.id),
    );
    expect(records).toHaveLength(2);
    expect(slack.fake.messages(ALICE).slice(dmBefore)).toHaveLength(1);
  });

  it('adds a custom type to the workspace list and offers it in the next form', async () => {
    const ann = await addContact(slack, seeded.alice, 'Custom', 'Type');
    const view = await openLogFormByShortcut(slack);
    const response = await submit(slack, view, {
      contacts: [{ id: ann.id }],
      type: OTHER_TYPE_VALUE,
      customType: 'Home visit',
      newActions: 'Left a card, Rang twice',
    });
    expect(response.body).toBe('');
    const [record] = await interactionsOf(slack, seeded.alice, [ann.id]);
    expect(record?.type).toBe('Home visit');
    const settings = await slack.container.workspaces.getSettings(seeded.alice);
    expect(settings.interactionTypes).toContain('Home visit');
    expect(settings.actions).toEqual(expect.arrayContaining(['Left a card', 'Rang twice']));
    const next = await openLogFormByShortcut(slack);
    const options = ((elementOf(next, F.type)?.options ?? []) as { value: string }[]).map((o) => o.value);
    expect(options).toContain('Home visit');
  });

  it('escapes user text in the confirmation so it cannot ping or spoof links', async () => {
    const tricky = await addContact(slack, seeded.alice, '<!channel>', '& <http://evil.test|*Bob*>');
    const view = await openLogFormByShortcut(slack);
    const dmBefore = slack.fake.messages(ALICE).length;
    await submit(slack, view, {
      contacts: [{ id: tricky.id }],
      type: OTHER_TYPE_VALUE,
      customType: '<@U0002> call',
      description: '<!here> see <https://evil.test|this>',
    });
    const [dm] = slack.fake.messages(ALICE).slice(dmBefore);
    // mrkdwn is what Slack parses; plain_text (button labels) is shown as typed.
    const shown = `${mrkdwnOf(dm?.blocks)}\n${dm?.text}`;
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).toContain('&amp; &lt;http://evil.test|');
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U0002>|<https?:/);
  });

  it('lists ten names and a count for a big group, with ten timeline buttons', async () => {
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await addContact(slack, seeded.alice, 'Big', `Group ${i}`));
    const view = await openLogFormByShortcut(slack);
    const dmBefore = slack.fake.messages(ALICE).length;
    await submit(slack, view, { contacts: people.map((p) => ({ id: p.id })), type: 'Meeting' });
    const [dm] = slack.fake.messages(ALICE).slice(dmBefore);
    expect(textOf(dm?.blocks)).toContain('12 contacts');
    expect(textOf(dm?.blocks)).toContain('and 2 more');
    const buttons = actionsBlockOf(dm);
    expect(buttons?.elements).toHaveLength(10);

    // A button shows that contact's timeline to the one who clicked.
    const first = buttons!.elements![0]!;
    const dmChannel = slack.fake.imChannel(ALICE);
    const click = await slack.interact(
      blockActionsPayload({
        fake: slack.fake,
        channelId: dmChannel,
        messageTs: dm!.ts,
        action: { action_id: first.action_id, block_id: 'il.logged.timelines', value: first.value },
      }),
    );
    expect(click.status).toBe(200);
    const shown = slack.fake.ephemeralMessages(dmChannel).at(-1);
    expect(textOf(shown?.blocks)).toContain('Big Group 0');
  });

  it('keeps the files picked in the form as attachment references', async () => {
    const ann = await addContact(slack, seeded.alice, 'Files');
    const view = await openLogFormByShortcut(slack);
    await submit(slack, view, {
      contacts: [{ id: ann.id }],
      type: 'Note',
      files: [
        {
          id: 'F0001',
          name: 'minutes.pdf',
          title: 'Minutes',
          mimetype: 'application/pdf',
          size: 2048,
          url_private: 'https://files.slack.test/files-pri/T0001-F0001/minutes.pdf',
          permalink: 'https://fake-team.slack.test/files/U0001/F0001/minutes.pdf',
        },
      ],
    });
    const [record] = await interactionsOf(slack, seeded.alice, [ann.id]);
    expect(record?.attachments).toEqual([
      {
        name: 'minutes.pdf',
        mimeType: 'application/pdf',
        size: 2048,
        url: 'https://files.slack.test/files-pri/T0001-F0001/minutes.pdf',
        platformFileId: 'F0001',
      },
    ]);
  });

  it('registers a follow-up assignee who never used the app, then assigns them', async () => {
    slack.fake.addUser({ id: 'U0009', name: 'dana', realName: 'Dana Cohen' });
    const ann = await addContact(slack, seeded.alice, 'Assigned');
    const view = await openLogFormByShortcut(slack);
    const response = await submit(slack, view, {
      contacts: [{ id: ann.id }],
      type: 'Call',
      followUpDate: '2026-11-18',
      assignee: 'U0009',
    });
    expect(response.body).toBe('');
    const [record] = await interactionsOf(slack, seeded.alice, [ann.id]);
    expect(record?.followUp).toMatchObject({
      assigneeId: 'U0009',
      dueAt: new Date('2026-11-18T09:00:00.000Z'),
    });
    const members = await slack.container.workspaces.listMembers(seeded.alice);
    expect(members.find((m) => m.userId === 'U0009')).toMatchObject({
      role: 'member',
      displayName: 'Dana Cohen',
    });
  });

  // Last: it changes the workspace timezone for the rest of the file.
  it('reads and shows dates in the workspace timezone', async () => {
    await slack.container.workspaces.updateSettings(seeded.alice, { timezone: 'Europe/Paris' });
    slack.clock.advance(31_000); // past the tenant cache
    const view = await openLogFormByShortcut(slack);
    expect(elementOf(view, F.date)).toMatchObject({ initial_date: '2026-11-16' });
    expect(elementOf(view, F.time)).toMatchObject({ initial_time: '10:00', timezone: 'Europe/Paris' });
    const ann = await addContact(slack, seeded.alice, 'Paris', 'Time');
    await submit(slack, view, {
      contacts: [{ id: ann.id }],
      type: 'Call',
      date: '2026-11-16',
      time: '09:30',
    });
    const [record] = await interactionsOf(slack, seeded.alice, [ann.id]);
    expect(record?.occurredAt).toEqual(new Date('2026-11-16T08:30:00.000Z'));
  });
});
