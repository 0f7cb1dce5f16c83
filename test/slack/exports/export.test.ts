import { beforeAll, describe, expect, it } from 'vitest';
import { ActionId, ResultActionId } from '../../../src/adapters/slack/ids.js';
import { clickKey, EXPORT_BUTTON_CLAIM_SCOPE } from '../../../src/adapters/slack/listeners/actions/export.js';
import { EXPORT_DEADLINE_MS } from '../../../src/adapters/slack/listeners/support/export-runner.js';
import { storageOf } from '../../../src/app/container.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { EXPORT_HEADER } from '../../../src/core/exports/export-columns.js';
import { usePrivateTmpdir } from '../../support/private-tmpdir.js';
import {
  ALICE,
  addContact,
  click,
  csvLines,
  findElement,
  GENERAL,
  lastEphemeral,
  logFor,
  memberWithRole,
  minutesAgo,
  RANDOM,
  type Seeded,
  seedWorkspace,
  visibleText,
} from '../commands/support.js';
import { blockActionsPayload, sendSlashCommand } from '../fake-slack/index.js';
import { SIGNING_SECRET, useSlackApp } from '../support/slack-app.js';

describe('/interaction export', () => {
  const slack = useSlackApp();
  const spool = usePrivateTmpdir('export-test-');
  let seeded: Seeded;
  let rivka: Contact;

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    rivka = await addContact(slack, seeded.owner, {
      firstName: 'Rivka',
      lastName: 'Stern',
      emails: ['rivka@example.com'],
    });
    const other = await addContact(slack, seeded.owner, { firstName: 'Other', lastName: 'Person' });
    // More matching rows than any page holds: the export must carry them all.
    for (let n = 1; n <= 30; n++) {
      await logFor(slack, seeded.owner, rivka, {
        type: 'Call',
        at: minutesAgo(slack, n),
        description: `Call ${n}`,
      });
    }
    await logFor(slack, seeded.owner, other, {
      type: 'Visit',
      at: minutesAgo(slack, 45),
      description: 'A visit',
    });
  });

  it('posts a CSV of every matching interaction in the channel, with the filters and the row count', async () => {
    await slack.command('export type:Call');
    const preparing = lastEphemeral(slack);
    expect(preparing.text).toContain('Preparing export… 30 rows');

    const shared = slack.fake.messages(GENERAL).at(-1);
    expect(shared?.via).toBe('file_share');
    expect(shared?.text).toContain('CSV export of 30 interactions, asked for by <@U0001>');
    expect(shared?.text).toContain('*Type:* Call');
    const fileId = String(shared?.files?.[0]?.id);
    const lines = csvLines(slack, fileId);
    expect(lines[0]).toBe(EXPORT_HEADER.join(','));
    expect(lines).toHaveLength(31);
    expect(lines.filter((line) => line.includes('Rivka'))).toHaveLength(30);
    expect(lines.some((line) => line.includes('A visit'))).toBe(false);
    expect(lines.some((line) => line.includes('rivka@example.com'))).toBe(true);
  });

  it('posts once when Slack redelivers the same command', async () => {
    const before = slack.fake.files().length;
    const triggerId = slack.fake.issueTriggerId({ userId: ALICE });
    const responseUrl = slack.fake.responseUrl(GENERAL, ALICE);
    const fields = {
      command: '/interaction',
      text: 'export type:Visit',
      trigger_id: triggerId,
      response_url: responseUrl,
    };
    await sendSlashCommand(slack.url, SIGNING_SECRET, fields, { fake: slack.fake });
    await slack.settled();
    await sendSlashCommand(slack.url, SIGNING_SECRET, fields, {
      fake: slack.fake,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await slack.settled();
    const completed = slack.fake.files().filter((file) => file.completed);
    expect(slack.fake.files()).toHaveLength(before + 1);
    expect(completed.at(-1)?.channels).toEqual([GENERAL]);
  });

  it('exports from the Export button of a timeline: every interaction of the contact', async () => {
    await slack.command('timeline Rivka');
    const timeline = lastEphemeral(slack);
    await click(slack, findElement(timeline.blocks, ActionId.timelineExport));
    const shared = slack.fake.messages(GENERAL).at(-1);
    expect(shared?.text).toContain('CSV export of 30 interactions');
    expect(shared?.text).toContain('*Contact:* Rivka Stern');
    expect(csvLines(slack, String(shared?.files?.[0]?.id))).toHaveLength(31);
  });

  it('exports from the Export button of a list with the list filters, not just its page', async () => {
    await slack.command('list call');
    await click(slack, findElement(lastEphemeral(slack).blocks, ActionId.listExport));
    const shared = slack.fake.messages(GENERAL).at(-1);
    expect(shared?.text).toContain('*Text:* call');
    expect(csvLines(slack, String(shared?.files?.[0]?.id))).toHaveLength(31);
  });

  it('frees the Export button of a crashed export once the export’s deadline has passed, not before', async () => {
    await slack.command('list call');
    const button = findElement(lastEphemeral(slack).blocks, ActionId.listExport);
    const where = { messageTs: '1763280000.000300' };
    const payload = blockActionsPayload({
      fake: slack.fake,
      channelId: GENERAL,
      ...where,
      action: { action_id: ActionId.listExport, block_id: 'actions', value: String(button.value) },
    });
    // A process claimed this click, then died mid-export: its claim was never released.
    await storageOf(slack.container).repositories.claims.claim(
      EXPORT_BUTTON_CLAIM_SCOPE,
      clickKey(payload, ActionId.listExport),
      seeded.workspace.id,
      slack.clock.now(),
    );
    const files = slack.fake.files().length;

    slack.clock.advance(EXPORT_DEADLINE_MS);
    await click(slack, button, where);
    expect(lastEphemeral(slack).text).toBe('This export is already being prepared.');
    expect(slack.fake.files()).toHaveLength(files);

    slack.clock.advance(1_000);
    await click(slack, button, where);
    const shared = slack.fake.messages(GENERAL).at(-1);
    expect(shared?.text).toContain('CSV export of 30 interactions');
    expect(slack.fake.files()).toHaveLength(files + 1);
    // Released as usual after a finished export: the next click exports again.
    await click(slack, button, where);
    expect(slack.fake.files()).toHaveLength(files + 2);
  });

  it('explains when the bot is not in the channel, and sends the file by DM on request', async () => {
    await slack.command('export type:Visit', { channel: RANDOM });
    const offer = lastEphemeral(slack, RANDOM);
    expect(visibleText(offer.blocks)).toContain(
      "I can't post files in <#C0002> because I'm not a member of it",
    );
    expect(slack.fake.messages(RANDOM)).toHaveLength(0);

    const response = await click(slack, findElement(offer.blocks, ResultActionId.exportToDm), {
      channelId: RANDOM,
    });
    expect(response.status).toBe(200);
    const dm = slack.fake.messages(ALICE).at(-1);
    expect(dm?.via).toBe('file_share');
    expect(dm?.text).toContain('CSV export of 1 interaction');
    const lines = csvLines(slack, String(dm?.files?.[0]?.id));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('A visit');
    const done = slack.fake.callsTo('response_url').at(-1);
    expect(done?.args.replace_original).toBe(true);
    expect(done?.args.text).toContain('in your direct messages');
  });

  it('tells the user Slack is busy and still posts the file after a rate limit', async () => {
    const before = slack.fake.messages(GENERAL).length;
    slack.fake.failNext('files.completeUploadExternal', { status: 429, retryAfter: 1 });
    await slack.command('export type:Visit');
    const told = slack.fake.ephemeralMessages(GENERAL).map((message) => message.text);
    expect(told.some((text) => text.includes('Slack is busy, retrying in 1 second'))).toBe(true);
    expect(slack.fake.messages(GENERAL)).toHaveLength(before + 1);
  });

  it('says what went wrong when Slack refuses the file', async () => {
    const before = slack.fake.messages(GENERAL).length;
    slack.fake.failNext('files.completeUploadExternal', { error: 'fatal_error' });
    await slack.command('export type:Visit');
    expect(lastEphemeral(slack).text).toContain(
      'The export could not be posted: Slack answered `fatal_error`',
    );
    expect(slack.fake.messages(GENERAL)).toHaveLength(before);
  });

  it('says so when Slack fails with an HTTP error, and leaves no temp file behind', async () => {
    slack.fake.failNext('files.getUploadURLExternal', { status: 500 });
    await slack.command('export type:Visit');
    expect(lastEphemeral(slack).text).toContain(
      'The export could not be posted: Slack did not accept it (HTTP 500)',
    );
    expect(await spool.left()).toEqual([]);
  });

  it('says so and posts nothing when nothing matches', async () => {
    const before = slack.fake.files().length;
    await slack.command('export type:Meeting');
    expect(lastEphemeral(slack).text).toContain('Nothing matches these filters');
    expect(slack.fake.files()).toHaveLength(before);
  });

  it('lets a viewer export', async () => {
    const viewer = await memberWithRole(slack, seeded, 'vik', 'viewer');
    await slack.command('export type:Visit', { user: viewer });
    const shared = slack.fake.messages(GENERAL).at(-1);
    expect(shared?.text).toContain(`asked for by <@${viewer}>`);
  });
});
