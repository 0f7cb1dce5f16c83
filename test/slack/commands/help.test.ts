import { beforeAll, describe, expect, it } from 'vitest';
import { useSlackApp } from '../support/slack-app.js';
import { addContact, lastEphemeral, lastResponseUrlBody, seedWorkspace, visibleText } from './support.js';

describe('/interaction help and bad commands', () => {
  const slack = useSlackApp();

  beforeAll(async () => {
    const { owner } = await seedWorkspace(slack);
    await addContact(slack, owner, { firstName: 'Known', lastName: 'Person' });
  });

  it('answers a correctly signed /interaction help with 200 and an ephemeral help through the response_url', async () => {
    const response = await slack.command('help');
    expect(response.status).toBe(200);
    const call = slack.fake.callsTo('response_url').at(-1);
    expect(call?.status).toBe(200);
    expect(call?.args.response_type).toBe('ephemeral');
    const help = lastEphemeral(slack);
    expect(help.via).toBe('response_url');
    expect(visibleText(help.blocks)).toContain('Interaction log: commands');
    expect(visibleText(help.blocks)).toContain('/interaction list');
  });

  it('shows the help for /interaction with no text', async () => {
    await slack.command('');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Filters for list and export');
  });

  const badCommands: Array<{ text: string; reason: string; part: string }> = [
    { text: 'frobnicate now', reason: 'I don\'t know "frobnicate"', part: 'frobnicate' },
    { text: 'list followup:later', reason: '"later" is not a followup: value.', part: 'followup:later' },
    { text: 'list colour:red', reason: '"colour:" is not a filter.', part: 'colour:red' },
    { text: 'export from:2026-02-30', reason: '2026-02-30 is not a date.', part: 'from:2026-02-30' },
    { text: 'list from:2026-11-10 to:2026-11-01', reason: 'to: is before from:', part: 'to:2026-11-01' },
    { text: 'list from:"someday maybe"', reason: 'is not a date I understand', part: 'from:"someday maybe"' },
    { text: 'list by:nobody', reason: 'I can\'t find anyone called "nobody"', part: 'by:nobody' },
    {
      text: 'export org:Nowhere',
      reason: 'I can\'t find an organisation called "Nowhere"',
      part: 'org:Nowhere',
    },
    { text: 'report next year', reason: 'That is not a report period.', part: 'next year' },
    { text: 'timeline', reason: 'Whose timeline?', part: 'timeline' },
    { text: 'contact destroy', reason: 'contact destroy is not something I can do.', part: 'destroy' },
  ];

  for (const bad of badCommands) {
    it(`names the bad part of "${bad.text}" and shows the syntax, posting nothing`, async () => {
      const filesBefore = slack.fake.files().length;
      const response = await slack.command(bad.text);
      expect(response.status).toBe(200);
      const reply = lastEphemeral(slack);
      const text = visibleText(reply.blocks);
      expect(text).toContain(bad.reason);
      expect(text).toContain(`Problem: \`${bad.part}\``);
      expect(text).toContain('Filters: `');
      expect(slack.fake.files()).toHaveLength(filesBefore);
      expect(slack.fake.messages('C0001')).toHaveLength(0);
    });
  }

  it('never echoes markup from a bad command unescaped', async () => {
    await slack.command('<!channel> hello');
    const body = lastResponseUrlBody(slack);
    expect(JSON.stringify(body.blocks)).not.toContain('<!channel>');
    expect(visibleText(body.blocks)).toContain('&lt;!channel&gt;');
  });
});
