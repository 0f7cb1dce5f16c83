import { beforeAll, describe, expect, it } from 'vitest';
import { storageOf } from '../../../src/app/container.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { sendSlashCommand } from '../fake-slack/index.js';
import { SIGNING_SECRET, useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  BOB,
  GENERAL,
  lastEphemeral,
  lastResponseUrlBody,
  memberWithRole,
  type Seeded,
  seedWorkspace,
  visibleText,
} from './support.js';

describe('/interaction log in one line', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let cohen: Contact;
  let dan: Contact;

  const count = () =>
    storageOf(slack.container).repositories.interactions.count(seeded.workspace.id, {}, slack.clock.now());

  /** Sends the command and returns what the caller was told, after checking nothing was written. */
  async function refused(text: string, user?: string): Promise<string> {
    const before = await count();
    const opens = slack.fake.callsTo('views.open').length;
    await slack.command(text, user ? { user } : {});
    expect(await count()).toBe(before);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opens);
    return visibleText(lastEphemeral(slack).blocks) || lastEphemeral(slack).text || '';
  }

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    cohen = await addContact(slack, seeded.owner, { firstName: 'Rachel', lastName: 'Cohen' });
    dan = await addContact(slack, seeded.owner, {
      firstName: 'Dan',
      lastName: 'Ross',
      emails: ['dan@acme.com'],
    });
    await addContact(slack, seeded.owner, { firstName: 'Sam', lastName: 'One' });
    await addContact(slack, seeded.owner, { firstName: 'Sam', lastName: 'Two' });
  });

  it('logs for the named contacts and confirms as the form does, once even when Slack retries (the retry says it is already logged)', async () => {
    const before = await count();
    const fields = {
      command: '/interaction',
      text: 'log Cohen, dan@acme.com call “Discussed the class” at:"yesterday 10:30" follow-up:"tomorrow 9:00" actions:"To call back" important',
      trigger_id: slack.fake.issueTriggerId({ userId: ALICE }),
      response_url: slack.fake.responseUrl(GENERAL, ALICE),
      user_id: ALICE,
      channel_id: GENERAL,
    };
    await sendSlashCommand(slack.url, SIGNING_SECRET, fields, { fake: slack.fake });
    await slack.settled();
    const confirmations = slack.fake.ephemeralMessages(GENERAL).length;
    await sendSlashCommand(slack.url, SIGNING_SECRET, fields, {
      fake: slack.fake,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await slack.settled();
    expect(await count()).toBe(before + 2);
    // The retry wrote nothing; it confirms again from the stored records (the process may have
    // died before the first reply went out), saying it was already logged.
    expect(slack.fake.ephemeralMessages(GENERAL)).toHaveLength(confirmations + 1);
    const first = visibleText(slack.fake.ephemeralMessages(GENERAL)[confirmations - 1]?.blocks);
    expect(first).toContain(':white_check_mark: Logged');
    const text = visibleText(lastEphemeral(slack).blocks);
    expect(text).toContain(':white_check_mark: Already logged');
    expect(text.replace('Already logged', 'Logged')).toBe(first);
    expect(text).toContain('*Call* for 2 contacts: *Rachel Cohen*, *Dan Ross*');
    expect(text).toContain('Discussed the class');
    expect(text).toContain('Important');
    expect(text).toContain('Follow-up');

    const [logged] = (
      await slack.container.interactions.contactTimeline(seeded.owner, { contactId: dan.id, limit: 1 })
    ).items;
    expect(logged).toMatchObject({
      type: 'Call',
      description: 'Discussed the class',
      actions: ['To call back'],
      important: true,
      authorId: ALICE,
      // The test clock is Mon 16 Nov 2026 09:00 UTC; the workspace timezone is UTC.
      occurredAt: new Date('2026-11-15T10:30:00.000Z'),
      followUp: { dueAt: new Date('2026-11-17T09:00:00.000Z'), assigneeId: ALICE, status: 'open' },
    });
    expect(slack.fake.callsTo('views.publish').at(-1)?.ok).toBe(true);
  });

  it('answers a redelivery after the first reply was lost: "Already logged", nothing written twice', async () => {
    const before = await count();
    const fields = {
      command: '/interaction',
      text: 'log Cohen Visit "Brought the reading list"',
      trigger_id: slack.fake.issueTriggerId({ userId: ALICE }),
      response_url: slack.fake.responseUrl(GENERAL, ALICE),
      user_id: ALICE,
      channel_id: GENERAL,
    };
    // The write commits, then the reply never arrives (as when the process dies right there).
    slack.fake.dropNext('response_url');
    await sendSlashCommand(slack.url, SIGNING_SECRET, fields, { fake: slack.fake });
    await slack.settled();
    expect(await count()).toBe(before + 1);
    const shown = slack.fake.ephemeralMessages(GENERAL).length;

    await sendSlashCommand(slack.url, SIGNING_SECRET, fields, { fake: slack.fake });
    await slack.settled();

    expect(await count()).toBe(before + 1);
    expect(slack.fake.ephemeralMessages(GENERAL)).toHaveLength(shown + 1);
    const text = visibleText(lastEphemeral(slack).blocks);
    expect(text).toContain(':white_check_mark: Already logged');
    expect(text).toContain('*Visit* for 1 contact: *Rachel Cohen*');
    expect(text).toContain('Brought the reading list');
    expect(lastEphemeral(slack).text).toMatch(/^Already logged Visit/);
  });

  it('reads at: and follow-up: on the clock of the person typing (Slack profile zone), not the workspace’s', async () => {
    // Bob's Slack profile says New York (UTC-5 in November); the workspace is on UTC.
    await slack.command(
      'log Cohen Call "Called from New York" at:"yesterday 10:30" follow-up:"tomorrow 9:00"',
      {
        user: BOB,
      },
    );
    const logged = (
      await slack.container.interactions.contactTimeline(seeded.owner, { contactId: cohen.id })
    ).items.find((item) => item.description === 'Called from New York');
    expect(logged?.occurredAt).toEqual(new Date('2026-11-15T15:30:00.000Z'));
    expect(logged?.followUp?.dueAt).toEqual(new Date('2026-11-17T14:00:00.000Z'));
    // The confirmation's date (as a client without Slack's date rendering shows it) is his too.
    expect(JSON.stringify(lastEphemeral(slack).blocks)).toContain('|15/11/2026 10:30>');
  });

  it('refuses an unknown contact, naming it, and writes nothing', async () => {
    const said = await refused('log Cohen, Zoe Nobody Call "Discussed the class"');
    expect(said).toContain('No contact matches "Zoe Nobody". Nothing was logged.');
    // The advice is words; only what to type goes in the code span after "Try:".
    expect(said).toContain('Add them with contact add, or type part of their name or their email.');
    expect(said).toContain('Try: `contact add`');
    expect(said).toContain('log &lt;contacts&gt; &lt;type&gt;');
  });

  it('refuses an ambiguous name, listing who it could be', async () => {
    const said = await refused('log Sam Call "Discussed the class"');
    expect(said).toContain('"Sam" matches several contacts (Sam One, Sam Two)');
    expect(said).toContain('Try: `log "Sam One" Call "…"`');
  });

  it('asks for the type when it is missing', async () => {
    const said = await refused('log Cohen "Discussed the class"');
    expect(said).toContain('Which type? "Cohen" is not one of Visit, Call');
  });

  it('asks for quotes around the description, showing the line that would work', async () => {
    const said = await refused('log Cohen call Discussed the class');
    expect(said).toContain('Put the description in quotes');
    expect(said).toContain('log Cohen call "Discussed the class"');
  });

  it('refuses an empty description', async () => {
    expect(await refused('log Cohen Call ""')).toContain('The description is empty');
  });

  it('refuses a date in the future, under the at: the user typed', async () => {
    const said = await refused('log Cohen Call "Planned" at:"tomorrow 10:00"');
    expect(said).toContain('at:"tomorrow 10:00"');
    expect(said).toMatch(/future/);
  });

  it('tells a viewer they cannot log', async () => {
    const viewer = await memberWithRole(slack, seeded, 'vic', 'viewer');
    const before = await count();
    await slack.command('log Cohen Call "Discussed the class"', { user: viewer });
    expect(await count()).toBe(before);
    expect(lastResponseUrlBody(slack).text).toContain('Viewers can read the log but cannot change it');
  });

  it('lists the one-line log in the help', async () => {
    await slack.command('help');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain(
      'log &lt;contacts&gt; &lt;type&gt; "&lt;description&gt;"',
    );
  });

  it('keeps a comma-separated list of names opening the form', async () => {
    await slack.command('log Cohen, dan@acme.com');
    const view = slack.fake.openViews(ALICE).at(-1);
    expect(JSON.stringify(view?.definition)).toContain(cohen.id);
  });
});
