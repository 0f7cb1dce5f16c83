import { beforeAll, describe, expect, it } from 'vitest';
import { addContact as addSlackContact, seedWorkspace, visibleText } from '../slack/commands/support.js';
import { useSlackApp } from '../slack/support/slack-app.js';
import { cardText } from '../teams/support/cards.js';
import { addContact as addTeamsContact, seedTenant } from '../teams/support/seed.js';
import { personalChat, useTeamsApp } from '../teams/support/teams-app.js';

/** Commands a person gets wrong, covering every error the grammar and the filter resolution raise. */
const BAD_COMMANDS = [
  'frobnicate',
  'frobnicate now',
  '"log"',
  'contact',
  'contact destroy',
  'contact find',
  'timeline',
  'timeline nobody-at-all',
  'report next year',
  'report 2026-13-01..2026-13-02',
  'report 2026-11-15..2026-11-01',
  'list colour:red',
  'list type:',
  'list type:,',
  'list contact:',
  'list contact:a contact:b',
  'list address:a address:b',
  'list address:',
  'list org:a org:b',
  'list from:2026-02-30',
  'list from:2026-11-01 from:2026-11-02',
  'list from:"someday maybe"',
  'list to:"someday maybe"',
  'list from:2026-11-10 to:2026-11-01',
  'list by:',
  'list by:<#C0001>',
  'list by:nobody',
  'list org:Nowhere',
  'list has:cats',
  'list followup:later',
  'list followup:open followup:done',
  'list sort:size',
  'list sort:date sort:type',
  'list "unterminated',
  'export colour:red',
  'export by:nobody',
];

/** A word said twice in a row ("Try: Try:", "contact: contact needs"): the stutter a person notices. */
const DOUBLED_WORD = /\b(\w+):{0,2} \1\b/i;

function expectNoStutter(answers: Array<{ command: string; text: string }>) {
  // Read as a person reads it: code spans and bold do not separate words.
  const read = answers.map((answer) => ({ ...answer, text: answer.text.replace(/[`*_~]/g, '') }));
  const stutters = read.filter((answer) => DOUBLED_WORD.test(answer.text));
  expect(stutters.map((answer) => `${answer.command} → ${DOUBLED_WORD.exec(answer.text)?.[0]}`)).toEqual([]);
}

describe('error answers never stutter in Slack', () => {
  const slack = useSlackApp();

  beforeAll(async () => {
    const { owner } = await seedWorkspace(slack);
    await addSlackContact(slack, owner, { firstName: 'Known', lastName: 'Person' });
  });

  it('answers every bad command without a doubled word', async () => {
    const answers: Array<{ command: string; text: string }> = [];
    for (const command of BAD_COMMANDS) {
      const before = slack.fake.ephemeralMessages('C0001').length;
      const response = await slack.command(command);
      expect(response.status).toBe(200);
      const replies = slack.fake.ephemeralMessages('C0001').slice(before);
      expect(replies, command).not.toHaveLength(0);
      for (const reply of replies) {
        answers.push({ command, text: `${reply.text ?? ''}\n${visibleText(reply.blocks)}` });
      }
    }
    expectNoStutter(answers);
  });
});

describe('error answers never stutter in Teams', () => {
  const t = useTeamsApp();

  beforeAll(async () => {
    const world = await seedTenant(t.container);
    await addTeamsContact(t.container, world.actors.alice, 'Known', 'Person');
  });

  it('answers every bad command without a doubled word', async () => {
    const answers: Array<{ command: string; text: string }> = [];
    for (const command of BAD_COMMANDS) {
      const before = t.connector.messages(personalChat('alice')).length;
      const response = await t.message(command);
      expect(response.status).toBe(200);
      const replies = t.connector.messages(personalChat('alice')).slice(before);
      expect(replies, command).not.toHaveLength(0);
      for (const reply of replies) {
        answers.push({ command, text: `${reply.text ?? ''}\n${cardText(reply.attachments ?? [])}` });
      }
    }
    expectNoStutter(answers);
    // The bad part is still named, on its own line.
    const typeless = answers.find((answer) => answer.command === 'list type:')?.text ?? '';
    expect(typeless).toContain('⚠️ type: needs a value.');
    expect(typeless).toContain('Problem: type:');
  });
});
