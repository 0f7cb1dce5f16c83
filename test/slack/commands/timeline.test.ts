import { beforeAll, describe, expect, it } from 'vitest';
import { ActionId, ResultActionId } from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  addContact,
  click,
  findElement,
  lastEphemeral,
  lastResponseUrlBody,
  logFor,
  memberWithRole,
  minutesAgo,
  mrkdwnTexts,
  type Seeded,
  seedWorkspace,
  visibleText,
} from './support.js';

describe('/interaction timeline', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let yossi: Contact;

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    yossi = await addContact(slack, seeded.owner, {
      firstName: 'Yossi',
      lastName: 'Lévy',
      emails: ['yossi@example.com'],
      organisation: 'Acme',
    });
    for (let n = 1; n <= 3; n++) {
      await logFor(slack, seeded.owner, yossi, {
        at: minutesAgo(slack, n * 10),
        description: `Visit number ${n}`,
      });
    }
  });

  it('shows the timeline of the only matching contact, ephemeral, newest first with the total', async () => {
    await slack.command('timeline levy');
    const reply = lastEphemeral(slack);
    expect(reply.via).toBe('response_url');
    const text = visibleText(reply.blocks);
    expect(text).toContain('Yossi Lévy · 3 interactions');
    expect(text.indexOf('Visit number 1')).toBeLessThan(text.indexOf('Visit number 3'));
    expect(findElement(reply.blocks, ActionId.timelineExport)).toMatchObject({
      text: { text: 'Export CSV' },
    });
    expect(slack.fake.messages('C0001')).toHaveLength(0);
  });

  it('finds the contact by email', async () => {
    await slack.command('timeline yossi@example.com');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Yossi Lévy · 3 interactions');
  });

  it('offers a picker when several contacts match, and shows the chosen timeline in its place', async () => {
    const dan = await addContact(slack, seeded.owner, { firstName: 'Dan', lastName: 'Cohen' });
    await addContact(slack, seeded.owner, { firstName: 'Dana', lastName: 'Katz' });
    await logFor(slack, seeded.owner, dan, { description: 'Talked about the roof' });

    await slack.command('timeline Da');
    const picker = lastEphemeral(slack);
    const text = visibleText(picker.blocks);
    expect(text).toContain('Several contacts match');
    expect(text).toContain('Dan Cohen');
    expect(text).toContain('Dana Katz');

    const choice = (picker.blocks ?? []).find((block) => visibleText(block).includes('Dan Cohen'));
    const response = await click(slack, findElement(choice, ResultActionId.timelinePick));
    expect(response.status).toBe(200);
    const replaced = lastResponseUrlBody(slack);
    expect(replaced.replace_original).toBe(true);
    expect(visibleText(replaced.blocks)).toContain('Dan Cohen · 1 interaction');
    expect(visibleText(replaced.blocks)).toContain('Talked about the roof');
  });

  it('opens the exact name directly even when longer names also contain it', async () => {
    const noa = await addContact(slack, seeded.owner, { firstName: 'Noa', lastName: 'Bar' });
    await addContact(slack, seeded.owner, { firstName: 'Noa', lastName: 'Barak' });
    await logFor(slack, seeded.owner, noa, { description: 'Asked about the lease' });
    await slack.command('timeline Noa Bar');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Noa Bar · 1 interaction');
  });

  it('shows an organisation timeline with org:', async () => {
    await slack.command('timeline org:"Acme"');
    const text = visibleText(lastEphemeral(slack).blocks);
    expect(text).toContain('Acme · 3 interactions');
    expect(text).toContain('Organisation timeline');
  });

  it('says so when no contact matches', async () => {
    await slack.command('timeline Zebulon');
    expect(lastEphemeral(slack).text).toContain('No contact matches “Zebulon”');
  });

  it('pages older and newer in place', async () => {
    const busy = await addContact(slack, seeded.owner, { firstName: 'Busy', lastName: 'Bee' });
    for (let n = 1; n <= 25; n++) {
      await logFor(slack, seeded.owner, busy, { at: minutesAgo(slack, n), description: `Entry ${n}.` });
    }
    await slack.command('timeline Busy Bee');
    const first = lastEphemeral(slack);
    expect(visibleText(first.blocks)).toContain('Showing 10 of 25 interactions');
    expect(visibleText(first.blocks)).toContain('Entry 1.');
    expect(() => findElement(first.blocks, ActionId.timelineNewer)).toThrow();

    await click(slack, findElement(first.blocks, ActionId.timelineOlder));
    const second = lastResponseUrlBody(slack);
    expect(second.replace_original).toBe(true);
    expect(visibleText(second.blocks)).toContain('Entry 11.');
    expect(visibleText(second.blocks)).not.toContain('Entry 1.');

    await click(slack, findElement(second.blocks, ActionId.timelineNewer));
    const back = lastResponseUrlBody(slack);
    expect(back.replace_original).toBe(true);
    expect(visibleText(back.blocks)).toContain('Entry 1.');
    expect(visibleText(back.blocks)).not.toContain('Entry 11.');
  });

  it('escapes a contact name that looks like a broadcast mention', async () => {
    const loud = await addContact(slack, seeded.owner, { firstName: '<!channel>', lastName: 'Shouter' });
    await logFor(slack, seeded.owner, loud, { description: 'Hello <!here> & <@U0002>' });
    await slack.command('timeline shouter');
    const body = lastResponseUrlBody(slack);
    // Slack parses mrkdwn and the notification text; plain_text (the header) is shown as typed.
    const parsed = `${String(body.text)}\n${mrkdwnTexts(body.blocks)}`;
    for (const markup of ['<!channel>', '<!here>', '<@U0002>']) expect(parsed).not.toContain(markup);
    expect(String(body.text)).toContain('&lt;!channel&gt; Shouter');
    expect(parsed).toContain('Hello &lt;!here&gt; &amp; &lt;@U0002&gt;');
  });

  it('escapes names in the picker too', async () => {
    await addContact(slack, seeded.owner, { firstName: '<@U0002>', lastName: 'Twin' });
    await addContact(slack, seeded.owner, { firstName: '<@U0002>', lastName: 'Twain' });
    await slack.command('timeline Tw');
    const body = lastResponseUrlBody(slack);
    const parsed = `${String(body.text)}\n${mrkdwnTexts(body.blocks)}`;
    expect(parsed).toContain('&lt;@U0002&gt; Twin');
    expect(parsed).not.toContain('<@U0002>');
  });

  it('routes `contact find` to the contact search', async () => {
    await slack.command('contact find levy');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Yossi Lévy');
  });

  it('lets a viewer read a timeline, without the Log button', async () => {
    const viewer = await memberWithRole(slack, seeded, 'victor', 'viewer');
    await slack.command('timeline levy', { user: viewer });
    const reply = slack.fake
      .ephemeralMessages('C0001')
      .filter((message) => message.user === viewer)
      .at(-1);
    expect(visibleText(reply?.blocks)).toContain('Yossi Lévy · 3 interactions');
    expect(() => findElement(reply?.blocks, ActionId.timelineLog)).toThrow();
  });
});
