import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/core/contacts/contact.js';
import type { FollowUp } from '../../../src/core/interactions/interaction.js';
import { createReportService } from '../../../src/core/reports/report.service.js';
import { ValidationError } from '../../../src/core/shared/errors.js';
import type { Workspace } from '../../../src/core/workspaces/workspace.js';
import { ENGINES } from '../../support/engines.js';
import {
  actorOf,
  addContact,
  createWorkspace,
  fixedClock,
  interactionFor,
  type Repositories,
  repositoriesOf,
} from '../exports/fixtures.js';

const at = (iso: string) => new Date(iso);
const open = (dueAt: string, snoozedUntil?: string): FollowUp => ({
  dueAt: at(dueAt),
  assigneeId: 'U1',
  status: 'open',
  ...(snoozedUntil ? { snoozedUntil: at(snoozedUntil) } : {}),
});
const done = (doneAt: string): FollowUp => ({
  dueAt: at(doneAt),
  assigneeId: 'U1',
  status: 'done',
  doneAt: at(doneAt),
  doneBy: 'U1',
});

describe.each(ENGINES)('weekly report on $name', (engine) => {
  const test = engine.use();
  let repos: Repositories;
  const clock = fixedClock('2026-10-28T10:00:00Z'); // a Wednesday, the week after the DST change

  beforeAll(() => {
    repos = repositoriesOf(test.storage);
  });

  const service = () => createReportService({ ...repos, clock });

  async function addMembers(workspace: Workspace) {
    for (const [userId, displayName] of [
      ['U1', 'Alice Martin'],
      ['U2', 'Bruno Costa'],
      ['U3', 'Chloé Dubois'],
    ] as const) {
      const when = at('2026-01-01T00:00:00Z');
      await repos.members.insertOrGet({
        workspaceId: workspace.id,
        userId,
        role: 'member',
        displayName,
        createdAt: when,
        updatedAt: when,
      });
    }
  }

  /** Last week in Paris is [2026-10-18T22:00Z, 2026-10-25T23:00Z): 169 hours. */
  async function seedParisWeek() {
    const workspace = await createWorkspace(repos, { timezone: 'Europe/Paris' });
    await addMembers(workspace);
    const contact = (id: string, firstName: string, lastName: string, createdAt: string) =>
      addContact(repos, workspace, {
        id: `${workspace.id}-${id}`,
        firstName,
        lastName,
        createdAt: at(createdAt),
      });
    const elise = await contact('c1-elise', 'Élise', 'Lévy', '2026-10-20T09:00:00Z');
    const jean = await contact('c2-jean', 'Jean', 'Dupont', '2026-10-05T09:00:00Z');
    const zoe = await contact('c3-zoe', 'Zoé', 'Bernard', '2026-10-13T09:00:00Z');
    await contact('c4-paul', 'Paul', 'Petit', '2026-10-25T22:30:00Z'); // Sun 23:30 CET: new this week
    await contact('c5-marc', 'Marc', 'Roux', '2026-10-25T23:00:00Z'); // Mon 00:00 CET: next week
    const log = (
      who: Contact,
      authorId: string,
      type: string,
      actions: string[],
      occurred: string,
      followUp?: FollowUp,
    ) =>
      interactionFor(workspace, who, {
        authorId,
        type,
        actions,
        occurredAt: at(occurred),
        ...(followUp ? { followUp } : {}),
      });
    await repos.interactions.insertMany([
      log(jean, 'U2', 'Email', [], '2026-10-18T22:00:00Z'), // Mon 00:00 CEST: first instant of the week
      log(
        elise,
        'U1',
        'Visit',
        ['Discussion', 'Donated'],
        '2026-10-19T08:00:00Z',
        done('2026-10-20T10:00:00Z'),
      ),
      log(elise, 'U1', 'Call', ['To call back'], '2026-10-21T08:00:00Z', open('2026-10-24T08:00:00Z')),
      log(jean, 'U1', 'Visit', ['Discussion'], '2026-10-22T08:00:00Z'),
      log(
        elise,
        'U2',
        'Visit',
        [],
        '2026-10-23T08:00:00Z',
        open('2026-10-10T08:00:00Z', '2026-10-27T08:00:00Z'),
      ),
      log(
        zoe,
        'U2',
        'Meeting',
        ['Agreed', 'Discussion'],
        '2026-10-24T08:00:00Z',
        open('2026-10-30T08:00:00Z'),
      ),
      log(jean, 'U3', 'Call', ['Discussion'], '2026-10-25T22:59:59Z', done('2026-10-27T10:00:00Z')), // Sun 23:59:59 CET
      // Outside the week.
      log(zoe, 'U1', 'Call', [], '2026-10-18T21:59:59Z', open('2026-10-16T08:00:00Z')), // Sun 23:59:59 CEST
      log(jean, 'U1', 'Visit', [], '2026-10-25T23:00:00Z'), // Mon 00:00 CET: next week
      log(zoe, 'U3', 'Visit', ['Donated'], '2026-10-14T08:00:00Z', done('2026-10-15T08:00:00Z')),
    ]);
    return { workspace, elise, jean, zoe };
  }

  it('counts last week exactly, in the workspace time zone, with who visited whom', async () => {
    const { workspace, elise, jean, zoe } = await seedParisWeek();
    const report = await service().weeklyReport(actorOf(workspace, 'viewer'), {});

    expect(report.period.from.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(report.period.to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(report.period.label).toBe('19–25 Oct 2026');
    const named = (contact: Contact, count: number) => ({
      contactId: contact.id,
      name: `${contact.firstName} ${contact.lastName}`,
      count,
    });
    expect(report.totals).toEqual({
      interactions: 7,
      byType: [
        { key: 'Visit', count: 3 },
        { key: 'Call', count: 2 },
        { key: 'Email', count: 1 },
        { key: 'Meeting', count: 1 },
      ],
      byAction: [
        { key: 'Discussion', count: 4 },
        { key: 'Agreed', count: 1 },
        { key: 'Donated', count: 1 },
        { key: 'To call back', count: 1 },
      ],
      byAuthor: [
        { authorId: 'U1', name: 'Alice Martin', count: 3, contacts: [named(elise, 2), named(jean, 1)] },
        {
          authorId: 'U2',
          name: 'Bruno Costa',
          count: 3,
          contacts: [named(elise, 1), named(jean, 1), named(zoe, 1)],
        },
        { authorId: 'U3', name: 'Chloé Dubois', count: 1, contacts: [named(jean, 1)] },
      ],
      mostContacted: [named(elise, 3), named(jean, 3), named(zoe, 1)],
      newContacts: 2,
      followUpsDone: 1,
      // Open at the end of the week and already due: the call-back (24 Oct) and the old one
      // (16 Oct). The snoozed one fires on 27 Oct, after the week.
      followUpsOverdue: 2,
    });
  });

  it('compares with the calendar week before', async () => {
    const { workspace, zoe } = await seedParisWeek();
    const report = await service().weeklyReport(actorOf(workspace), { range: 'last week' });
    expect(report.previous.period.from.toISOString()).toBe('2026-10-11T22:00:00.000Z');
    expect(report.previous.period.to.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(report.previous.totals).toMatchObject({
      interactions: 2,
      byType: [
        { key: 'Call', count: 1 },
        { key: 'Visit', count: 1 },
      ],
      byAction: [{ key: 'Donated', count: 1 }],
      mostContacted: [{ contactId: zoe.id, name: 'Zoé Bernard', count: 2 }],
      newContacts: 1,
      followUpsDone: 1,
      followUpsOverdue: 1,
    });
    expect(report.previous.totals.byAuthor.map((author) => [author.name, author.count])).toEqual([
      ['Alice Martin', 1],
      ['Chloé Dubois', 1],
    ]);
  });

  it('gives the same numbers for the same week asked as a day range or as instants', async () => {
    const { workspace } = await seedParisWeek();
    const byPhrase = await service().weeklyReport(actorOf(workspace), {});
    const byRange = await service().weeklyReport(actorOf(workspace), { range: '2026-10-19..2026-10-25' });
    const forScheduler = await service().reportForPeriod(workspace.id, {
      from: at('2026-10-18T22:00:00Z'),
      to: at('2026-10-25T23:00:00Z'),
    });
    expect(byRange).toEqual(byPhrase);
    expect(forScheduler).toEqual(byPhrase);
  });

  it('keeps the New York week boundaries across the November DST change', async () => {
    const workspace = await createWorkspace(repos, { timezone: 'America/New_York' });
    const contact = await addContact(repos, workspace, { firstName: 'Ana', lastName: 'Silva' });
    await repos.interactions.insertMany(
      [
        '2026-10-26T03:59:59Z', // Sun 25 Oct 23:59:59 EDT: the week before
        '2026-10-26T04:00:00Z', // Mon 26 Oct 00:00 EDT
        '2026-11-01T05:30:00Z', // Sun 1 Nov 01:30 EDT (first pass)
        '2026-11-01T06:30:00Z', // Sun 1 Nov 01:30 EST (second pass)
        '2026-11-02T04:59:59Z', // Sun 1 Nov 23:59:59 EST
        '2026-11-02T05:00:00Z', // Mon 2 Nov 00:00 EST: the week after
      ].map((occurred) => interactionFor(workspace, contact, { occurredAt: at(occurred) })),
    );
    clock.set('2026-11-04T12:00:00Z');
    try {
      const report = await service().weeklyReport(actorOf(workspace), {});
      expect(report.period.label).toBe('26 Oct – 1 Nov 2026');
      expect(report.totals.interactions).toBe(4);
      expect(report.previous.totals.interactions).toBe(1);
    } finally {
      clock.set('2026-10-28T10:00:00Z');
    }
  });

  it('rejects a period it cannot read, naming the field', async () => {
    const workspace = await createWorkspace(repos);
    await expect(service().weeklyReport(actorOf(workspace), { range: 'fortnight' })).rejects.toMatchObject({
      fieldErrors: { range: expect.any(String) },
    });
    await expect(
      service().weeklyReport(actorOf(workspace), { from: '2026-10-10T00:00:00Z' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
