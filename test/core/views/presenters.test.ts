import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../../../src/core/shared/paging.js';
import {
  isReminderLate,
  presentFollowUp,
  presentReminder,
  REMINDER_GRACE_MS,
} from '../../../src/core/views/follow-up-view.js';
import { presentHome } from '../../../src/core/views/home-view.js';
import { presentInteraction } from '../../../src/core/views/interaction-item.js';
import { presentList } from '../../../src/core/views/list-view.js';
import {
  presentContactTimeline,
  presentOrganisationTimeline,
} from '../../../src/core/views/timeline-view.js';
import {
  author,
  buildContact,
  buildInteraction,
  buildInteractions,
  buildOrganisation,
  NOW,
  otherMember,
  owner,
  pageOf,
  viewer,
} from './build.js';

describe('presentReminder', () => {
  const dueAt = new Date('2026-11-12T09:00:00.000Z');
  const reminder = (at: number, status: 'open' | 'done' = 'open') =>
    presentReminder(
      { ...buildInteraction(), followUp: { dueAt, assigneeId: 'U0A', status } },
      new Date(dueAt.getTime() + at),
    );

  it('reads "due now" up to the grace period after the due time, overdue after it', () => {
    expect(reminder(0)).toMatchObject({ dueNow: true, overdue: false });
    expect(reminder(REMINDER_GRACE_MS)).toMatchObject({ dueNow: true, overdue: false });
    expect(reminder(REMINDER_GRACE_MS + 1)).toMatchObject({ dueNow: false, overdue: true });
    expect(reminder(-60_000)).toMatchObject({ dueNow: false, overdue: false });
    expect(reminder(REMINDER_GRACE_MS + 1, 'done')).toMatchObject({ dueNow: false, overdue: false });
  });

  it('calls a reminder late when it is sent past the same grace period', () => {
    expect(isReminderLate(dueAt, new Date(dueAt.getTime() + REMINDER_GRACE_MS))).toBe(false);
    expect(isReminderLate(dueAt, new Date(dueAt.getTime() + REMINDER_GRACE_MS + 1))).toBe(true);
  });
});

describe('presentInteraction', () => {
  it('copies what a surface shows and counts attachments', () => {
    const item = presentInteraction(
      buildInteraction({
        attachments: [{ name: 'a.pdf', mimeType: 'application/pdf', size: 10, url: 'https://files/a' }],
        source: { kind: 'chat-message', link: 'https://slack.example/archives/C1/p1' },
        important: true,
      }),
      author,
      NOW,
    );
    expect(item).toMatchObject({
      id: 'i0000000000000000000000000000001',
      contactName: 'Yossi Lévy',
      typeLabel: 'Call',
      actions: ['To call back'],
      authorId: 'U0AUTHOR',
      important: true,
      attachmentCount: 1,
      sourceLink: 'https://slack.example/archives/C1/p1',
      canEdit: true,
    });
    expect(item.followUp).toBeUndefined();
  });

  it.each([
    ['the author', author, true],
    ['an owner', owner, true],
    ['another member', otherMember, false],
    ['a viewer', viewer, false],
    ['a viewer who is the author', { ...viewer, userId: 'U0AUTHOR' }, false],
  ])('lets %s edit: %s', (_who, actor, expected) => {
    expect(presentInteraction(buildInteraction(), actor, NOW).canEdit).toBe(expected);
  });

  it('marks an open follow-up overdue once its fire time passed, the snooze winning', () => {
    const due = (followUp: Parameters<typeof buildInteraction>[0]) =>
      presentInteraction(buildInteraction(followUp), author, NOW).followUp;
    const past = new Date('2026-11-11T09:00:00.000Z');
    const future = new Date('2026-11-13T09:00:00.000Z');
    expect(due({ followUp: { dueAt: past, assigneeId: 'U0A', status: 'open' } })).toEqual({
      dueAt: past,
      assigneeId: 'U0A',
      status: 'open',
      overdue: true,
    });
    expect(
      due({ followUp: { dueAt: past, snoozedUntil: future, assigneeId: 'U0A', status: 'open' } }),
    ).toMatchObject({ dueAt: future, overdue: false });
    expect(due({ followUp: { dueAt: past, assigneeId: 'U0A', status: 'done' } })?.overdue).toBe(false);
    expect(due({ followUp: { dueAt: past, assigneeId: 'U0A', status: 'cancelled' } })).toBeUndefined();
  });

  it('gives each item a cursor on its own sort values, as the repository pages', () => {
    const interaction = buildInteraction();
    expect(decodeCursor(presentInteraction(interaction, author, NOW).cursor)).toEqual({
      at: '2026-11-10T14:30:00.000Z',
      id: interaction.id,
    });
    expect(decodeCursor(presentInteraction(interaction, author, NOW, 'type').cursor)).toEqual({
      at: '2026-11-10T14:30:00.000Z',
      id: interaction.id,
      key: 'Call',
    });
  });
});

describe('timelines', () => {
  it('presents a contact timeline with the total, paging and log permission', () => {
    const view = presentContactTimeline(
      buildContact(),
      pageOf(buildInteractions(2), { total: 6, nextCursor: 'older' }),
      viewer,
      NOW,
    );
    expect(view).toMatchObject({
      title: 'Yossi Lévy',
      subject: { kind: 'contact', id: 'c1', name: 'Yossi Lévy' },
      total: 6,
      paging: { nextCursor: 'older' },
      canLog: false,
    });
    expect(view.items).toHaveLength(2);
    expect(view.items.every((item) => !item.canEdit)).toBe(true);
  });

  it('presents an organisation timeline under the organisation name', () => {
    const view = presentOrganisationTimeline(buildOrganisation(), pageOf([buildInteraction()]), author, NOW);
    expect(view.subject).toEqual({ kind: 'organisation', id: 'o1', name: 'Acme' });
    expect(view.canLog).toBe(true);
  });
});

describe('presentList', () => {
  it('keeps the query and summarises it', () => {
    const filter = { types: ['Call'], importantOnly: true };
    const view = presentList(
      pageOf([buildInteraction()], { total: 40 }),
      { filter, sort: 'date' },
      author,
      NOW,
      {
        timeZone: 'UTC',
      },
    );
    expect(view.total).toBe(40);
    expect(view.filter).toBe(filter);
    expect(view.chips.map((chip) => chip.key)).toEqual(['types', 'important']);
  });
});

describe('follow-ups and home', () => {
  const open = (id: string, dueAt: string, assigneeId = 'U0AUTHOR') =>
    buildInteraction({ id, followUp: { dueAt: new Date(dueAt), assigneeId, status: 'open' } });

  it('presents a reminder with the effective due time and the late flag', () => {
    const interaction = buildInteraction({
      followUp: {
        dueAt: new Date('2026-11-11T09:00:00.000Z'),
        snoozedUntil: new Date('2026-11-12T09:00:00.000Z'),
        assigneeId: 'U0AUTHOR',
        status: 'open',
      },
    });
    if (!interaction.followUp) throw new Error('fixture has a follow-up');
    const view = presentFollowUp({ ...interaction, followUp: interaction.followUp }, NOW, { late: true });
    expect(view).toMatchObject({
      interactionId: interaction.id,
      contactId: 'c1',
      summary: 'Discussed the winter distribution.',
      dueAt: new Date('2026-11-12T09:00:00.000Z'),
      originalDueAt: new Date('2026-11-11T09:00:00.000Z'),
      snoozed: true,
      overdue: true,
      late: true,
    });
  });

  it('splits my open follow-ups into overdue and upcoming, soonest first, and drops others', () => {
    const view = presentHome(
      author,
      {
        followUps: [
          open('late2', '2026-11-11T00:00:00.000Z'),
          open('soon2', '2026-11-20T00:00:00.000Z'),
          open('late1', '2026-11-01T00:00:00.000Z'),
          open('soon1', '2026-11-13T00:00:00.000Z'),
          open('theirs', '2026-11-01T00:00:00.000Z', 'U0OTHER'),
          buildInteraction({ id: 'plain' }),
        ],
        recent: [buildInteraction()],
      },
      NOW,
    );
    expect(view.overdue.map((f) => f.interactionId)).toEqual(['late1', 'late2']);
    expect(view.upcoming.map((f) => f.interactionId)).toEqual(['soon1', 'soon2']);
    expect(view.recent).toHaveLength(1);
    expect(view.canLog).toBe(true);
  });
});
