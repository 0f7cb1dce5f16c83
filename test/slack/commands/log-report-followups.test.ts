import { beforeAll, describe, expect, it } from 'vitest';
import {
  ActionId,
  ActionIdPattern,
  BlockId,
  CallbackId,
  InteractionFormField,
  ResultBlockId,
} from '../../../src/adapters/slack/ids.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { modalOpenedBy } from '../contacts/slack-test-kit.js';
import { blockActionsPayload, sendSlashCommand } from '../fake-slack/index.js';
import { SIGNING_SECRET, useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  click,
  findElement,
  GENERAL,
  lastEphemeral,
  lastResponseUrlBody,
  logFor,
  memberWithRole,
  RANDOM,
  type Seeded,
  seedWorkspace,
  visibleText,
} from './support.js';

describe('/interaction log, report and followups', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  let yossi: Contact;
  let dan: Contact;

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    yossi = await addContact(slack, seeded.owner, { firstName: 'Yossi', lastName: 'Lévy' });
    dan = await addContact(slack, seeded.owner, {
      firstName: 'Dan',
      lastName: 'Ross',
      emails: ['dan@acme.com'],
    });
    await addContact(slack, seeded.owner, { firstName: 'Sam', lastName: 'One' });
    await addContact(slack, seeded.owner, { firstName: 'Sam', lastName: 'Two' });
    // Last week (Mon 9 – Sun 15 Nov 2026): three calls and a visit.
    for (const day of [10, 11, 12]) {
      await logFor(slack, seeded.owner, yossi, { type: 'Call', at: new Date(`2026-11-${day}T10:00:00Z`) });
    }
    await logFor(slack, seeded.owner, dan, { type: 'Visit', at: new Date('2026-11-13T10:00:00Z') });
  });

  describe('log', () => {
    it('opens the log form with the named contacts preselected, leaving ambiguous names to the form', async () => {
      const opens = slack.fake.callsTo('views.open').length;
      await slack.command('log Yossi Lévy, dan@acme.com, Sam');
      const call = slack.fake.callsTo('views.open').at(-1);
      expect(slack.fake.callsTo('views.open')).toHaveLength(opens + 1);
      expect(call?.ok).toBe(true);
      // The trigger is spent before any search: a placeholder first, then the filled form.
      expect(JSON.stringify(call?.args.view)).toContain('Looking up Yossi Lévy, dan@acme.com, Sam');
      const update = slack.fake.callsTo('views.update').at(-1);
      expect(update?.ok).toBe(true);
      expect(update?.args.hash).toBeTruthy();
      const view = slack.fake.openViews(ALICE).at(-1);
      expect(view?.definition.callback_id).toBe(CallbackId.logForm);
      const blocks = (view?.definition.blocks ?? []) as Array<{ block_id?: string }>;
      const contacts = JSON.stringify(
        blocks.find((block) => block.block_id === InteractionFormField.contacts.blockId),
      );
      expect(contacts).toContain(yossi.id);
      expect(contacts).toContain(dan.id);
      expect(contacts).not.toContain('Sam One');
    });

    it('log yossi, zoe: preselects Yossi Lévy from part of his name and names only zoe as not found', async () => {
      await slack.command('log yossi, zoe');
      const view = slack.fake.openViews(ALICE).at(-1);
      expect(view?.definition.callback_id).toBe(CallbackId.logForm);
      const blocks = (view?.definition.blocks ?? []) as Array<{ block_id?: string }>;
      const contacts = JSON.stringify(
        blocks.find((block) => block.block_id === InteractionFormField.contacts.blockId),
      );
      expect(contacts).toContain(yossi.id);
      expect(visibleText(blocks)).toContain('Not found or ambiguous: zoe. Pick them below.');
    });

    it('opens the log form from the help and from a timeline, the timeline’s contact preselected', async () => {
      await slack.command('help');
      await click(slack, findElement(lastEphemeral(slack).blocks, ActionId.logInteraction), {
        blockId: BlockId.helpActions,
      });
      expect(slack.fake.openViews(ALICE).at(-1)?.definition.callback_id).toBe(CallbackId.logForm);

      await slack.command('timeline Dan Ross');
      await click(slack, findElement(lastEphemeral(slack).blocks, ActionId.timelineLog), {
        blockId: BlockId.timelineActions,
      });
      const view = slack.fake.openViews(ALICE).at(-1);
      expect(view?.definition.callback_id).toBe(CallbackId.logForm);
      expect(JSON.stringify(view?.definition)).toContain(dan.id);
    });

    it('escapes the typed names in the placeholder and opens the form when nothing matches', async () => {
      // Slack sends &, < and > in command text as entities; the placeholder shows them escaped again.
      await slack.command('log Tom &lt;!channel&gt; &amp; Nobody');
      const placeholder = JSON.stringify(slack.fake.callsTo('views.open').at(-1)?.args.view);
      expect(placeholder).toContain('Tom &lt;!channel&gt; &amp; Nobody');
      expect(placeholder).not.toContain('<!channel>');
      const view = slack.fake.openViews(ALICE).at(-1);
      expect(view?.definition.callback_id).toBe(CallbackId.logForm);
      const blocks = (view?.definition.blocks ?? []) as Array<{ block_id?: string }>;
      const contacts = blocks.find((block) => block.block_id === InteractionFormField.contacts.blockId);
      expect(JSON.stringify(contacts)).not.toContain('initial_options');
    });

    it('opens the form at once, with no placeholder, when no name is typed', async () => {
      const updates = slack.fake.callsTo('views.update').length;
      const form = await modalOpenedBy(slack, CallbackId.logForm, () => slack.command('log'));
      expect(slack.fake.callsTo('views.update')).toHaveLength(updates);
      expect(form.definition.title).toMatchObject({ text: 'Log an interaction' });
      expect(form.definition.submit).toMatchObject({ type: 'plain_text' });
    });

    it('tells a viewer they cannot log instead of opening the form', async () => {
      const viewer = await memberWithRole(slack, seeded, 'valerie', 'viewer');
      const opens = slack.fake.callsTo('views.open').length;
      await slack.command('log Yossi', { user: viewer });
      expect(slack.fake.callsTo('views.open')).toHaveLength(opens);
      expect(lastResponseUrlBody(slack).text).toContain('Viewers can read the log but cannot change it');
    });
  });

  describe('report', () => {
    it('posts last week’s report with its numbers and the CSV in the channel', async () => {
      await slack.command('report last week');
      const post = slack.fake.messages(GENERAL).at(-1);
      expect(post?.via).toBe('file_share');
      const text = visibleText(post?.blocks);
      expect(text).toContain('Activity report');
      expect(text).toContain('*Interactions:* 4');
      expect(text).toContain('• Call — 3');
      expect(text).toContain('• Visit — 1');
      const csv = slack.fake.fileContent(String(post?.files?.[0]?.id))?.toString('utf8') ?? '';
      expect(csv.trimEnd().split(/\r?\n/)).toHaveLength(5);
    });

    it('posts a report for an explicit period', async () => {
      await slack.command('report 2026-11-12..2026-11-13');
      expect(visibleText(slack.fake.messages(GENERAL).at(-1)?.blocks)).toContain('*Interactions:* 2');
    });

    it('posts once when Slack redelivers the command', async () => {
      const before = slack.fake.messages(GENERAL).length;
      const fields = {
        command: '/interaction',
        text: 'report this week',
        trigger_id: slack.fake.issueTriggerId({ userId: ALICE }),
        response_url: slack.fake.responseUrl(GENERAL, ALICE),
      };
      await sendSlashCommand(slack.url, SIGNING_SECRET, fields, { fake: slack.fake });
      await slack.settled();
      await sendSlashCommand(slack.url, SIGNING_SECRET, fields, {
        fake: slack.fake,
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
      await slack.settled();
      expect(slack.fake.messages(GENERAL)).toHaveLength(before + 1);
    });

    it('says why when the report cannot be posted in the channel', async () => {
      await slack.command('report last week', { channel: RANDOM });
      expect(lastEphemeral(slack, RANDOM).text).toContain('The report could not be posted');
      expect(lastEphemeral(slack, RANDOM).text).toContain('not_in_channel');
      expect(slack.fake.messages(RANDOM)).toHaveLength(0);
    });
  });

  describe('followups', () => {
    /**
     * A member of their own, so each test reads only the follow-ups it made: one overdue if
     * asked, one later today and one next month.
     */
    async function withFollowUps(name: string, due: { overdue: boolean }) {
      const userId = await memberWithRole(slack, seeded, name, 'member');
      const actor = await slack.container.workspaces.resolveActor({
        workspace: seeded.workspace,
        userId,
        displayName: name,
      });
      const now = slack.clock.now().getTime();
      const [overdue] = due.overdue
        ? await logFor(slack, actor, yossi, {
            description: 'Send the brochure',
            followUpAt: new Date(now + 60_000),
          })
        : [];
      const [later] = await logFor(slack, actor, dan, {
        description: 'Call back about the quote',
        followUpAt: new Date(now + 5 * 3_600_000),
      });
      await logFor(slack, actor, dan, {
        description: 'Next month',
        followUpAt: new Date(now + 30 * 86_400_000),
      });
      slack.clock.advance(10 * 60_000);
      return { userId, overdueId: overdue?.id ?? '', laterTodayId: later!.id };
    }

    it('lists every open follow-up of mine, overdue first, later ones too, with Done and Snooze', async () => {
      const { userId } = await withFollowUps('lister', { overdue: true });
      await slack.command('followups', { user: userId });
      const reply = lastEphemeral(slack);
      const text = visibleText(reply.blocks);
      expect(text).toContain('Your follow-ups · 3 open');
      expect(text).toContain('1 overdue');
      expect(text).toContain('Send the brochure');
      expect(text).toContain('Call back about the quote');
      // The same set as Teams: a follow-up next month is still open and mine.
      expect(text).toContain('Next month');
      expect(text.indexOf('Send the brochure')).toBeLessThan(text.indexOf('Call back about the quote'));
      expect(text.indexOf('Call back about the quote')).toBeLessThan(text.indexOf('Next month'));
      expect(findElement(reply.blocks, ActionIdPattern.followUpDone)).toMatchObject({
        text: { text: 'Done' },
      });
    });

    it('marks one done from the list and refreshes the list in place', async () => {
      const { userId, overdueId } = await withFollowUps('finisher', { overdue: true });
      await slack.command('followups', { user: userId });
      const done = findElement(lastEphemeral(slack).blocks, `il.followup.done:${overdueId}`);
      await click(slack, done, { userId, blockId: ResultBlockId.followUpListActions(overdueId) });
      const refreshed = lastResponseUrlBody(slack);
      expect(refreshed.replace_original).toBe(true);
      expect(visibleText(refreshed.blocks)).toContain('Marked done.');
      expect(visibleText(refreshed.blocks)).toContain('Your follow-ups · 2 open');
      expect(visibleText(refreshed.blocks)).not.toContain('Send the brochure');
    });

    it('snoozes one from the list', async () => {
      // Snoozed, still open: it stays in the list, with next month's.
      const { userId, laterTodayId } = await withFollowUps('snoozer', { overdue: false });
      await slack.command('followups', { user: userId });
      const select = findElement(lastEphemeral(slack).blocks, `il.followup.snooze:${laterTodayId}`);
      const options = select.options as Array<{ text: { type: 'plain_text'; text: string }; value: string }>;
      const nextWeek = options.find((entry) => entry.value.includes('nextWeek'));
      await slack.interact(
        blockActionsPayload(
          { fake: slack.fake, userId },
          {
            actions: [
              {
                type: 'static_select',
                action_id: String(select.action_id),
                block_id: ResultBlockId.followUpListActions(laterTodayId),
                selected_option: nextWeek!,
                action_ts: '1.0',
              },
            ],
          },
        ),
      );
      const refreshed = lastResponseUrlBody(slack);
      expect(visibleText(refreshed.blocks)).toContain('Snoozed.');
      expect(visibleText(refreshed.blocks)).toContain('Your follow-ups · 2 open');
      expect(visibleText(refreshed.blocks)).toContain('Call back about the quote');
    });
  });
});
