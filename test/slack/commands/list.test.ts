import { beforeAll, describe, expect, it } from 'vitest';
import { ActionId, CallbackId, FilterFormField } from '../../../src/adapters/slack/ids.js';
import { viewSubmissionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  addContact,
  BOB,
  click,
  findElement,
  lastEphemeral,
  lastResponseUrlBody,
  logFor,
  memberWithRole,
  minutesAgo,
  type Seeded,
  seedWorkspace,
  visibleText,
} from './support.js';

const option = (value: string) => ({ text: { type: 'plain_text' as const, text: value }, value });

describe('/interaction list', () => {
  const slack = useSlackApp();
  let seeded: Seeded;

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    const anna = await addContact(slack, seeded.owner, {
      firstName: 'Anna',
      lastName: 'Klein',
      organisation: 'Acme',
    });
    const ben = await addContact(slack, seeded.owner, { firstName: 'Ben', lastName: 'Ohana' });
    await logFor(slack, seeded.owner, anna, {
      type: 'Call',
      at: minutesAgo(slack, 5),
      description: 'Call one',
    });
    await logFor(slack, seeded.owner, ben, {
      type: 'Call',
      at: minutesAgo(slack, 6),
      description: 'Call two',
    });
    await logFor(slack, seeded.owner, anna, {
      type: 'Visit',
      at: minutesAgo(slack, 7),
      description: 'Visit one',
    });
    for (let n = 1; n <= 20; n++) {
      await logFor(slack, seeded.owner, ben, {
        type: 'Note',
        at: minutesAgo(slack, 100 + n),
        description: `Note ${n}.`,
      });
    }
  });

  it('lists what matches the filters with the total and a summary of the filters', async () => {
    await slack.command('list type:Call');
    const reply = lastEphemeral(slack);
    const text = visibleText(reply.blocks);
    expect(text).toContain('Interactions · 2 results');
    expect(text).toContain('*Type:* Call');
    expect(text).toContain('Call one');
    expect(text).toContain('Call two');
    expect(text).not.toContain('Visit one');
    expect(findElement(reply.blocks, ActionId.listExport)).toMatchObject({ text: { text: 'Export CSV' } });
  });

  it('combines filters: organisation, free text and the author', async () => {
    await slack.command('list org:Acme visit by:me');
    const text = visibleText(lastEphemeral(slack).blocks);
    expect(text).toContain('Interactions · 1 result');
    expect(text).toContain('*Organisation:* Acme');
    expect(text).toContain('*Text:* visit');
    expect(text).toContain('*By:* <@U0001>');
    expect(text).toContain('Visit one');
  });

  it('pages a long list older and newer in place', async () => {
    await slack.command('list type:Note');
    const first = lastEphemeral(slack);
    expect(visibleText(first.blocks)).toContain('Interactions · 20 results');
    expect(visibleText(first.blocks)).toContain('Note 1.');
    await click(slack, findElement(first.blocks, ActionId.listOlder));
    const older = lastResponseUrlBody(slack);
    expect(older.replace_original).toBe(true);
    expect(visibleText(older.blocks)).toContain('Note 20.');
    expect(visibleText(older.blocks)).not.toContain('Note 1.');
    await click(slack, findElement(older.blocks, ActionId.listNewer));
    expect(visibleText(lastResponseUrlBody(slack).blocks)).toContain('Note 1.');
  });

  it('opens the filter form when no filter is given, and shows the list the form asks for', async () => {
    const opensBefore = slack.fake.callsTo('views.open').length;
    await slack.command('list');
    const opens = slack.fake.callsTo('views.open');
    expect(opens).toHaveLength(opensBefore + 1);
    expect(opens.at(-1)?.ok).toBe(true);
    const form = slack.fake.openViews('U0001').at(-1);
    expect(form?.definition.callback_id).toBe(CallbackId.filterForm);

    const response = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        view: form!,
        values: {
          [FilterFormField.types.blockId]: {
            [FilterFormField.types.actionId]: {
              type: 'multi_static_select',
              selected_options: [option('Visit')],
            },
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    const list = lastResponseUrlBody(slack);
    expect(list.response_type).toBe('ephemeral');
    expect(visibleText(list.blocks)).toContain('Interactions · 1 result');
    expect(visibleText(list.blocks)).toContain('*Type:* Visit');
  });

  it('keeps the filter form open with a message under the field when the organisation is unknown', async () => {
    await slack.command('list');
    const form = slack.fake.openViews('U0001').at(-1);
    const responseUrlCalls = slack.fake.callsTo('response_url').length;
    const response = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        view: form!,
        values: {
          [FilterFormField.organisation.blockId]: {
            [FilterFormField.organisation.actionId]: { type: 'plain_text_input', value: 'Globex' },
          },
        },
      }),
    );
    expect(response.body).toEqual({
      response_action: 'errors',
      errors: { [FilterFormField.organisation.blockId]: 'No organisation has that name.' },
    });
    expect(slack.fake.callsTo('response_url')).toHaveLength(responseUrlCalls);
  });

  it('refines a list: the form opens filled with its filters and the submission replaces the list', async () => {
    await slack.command('list type:Call');
    const list = lastEphemeral(slack);
    await click(slack, findElement(list.blocks, ActionId.listRefine));
    const form = slack.fake.openViews('U0001').at(-1);
    expect(JSON.stringify(form?.definition)).toContain(
      '"initial_options":[{"text":{"type":"plain_text","text":"Call"',
    );
    await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        view: form!,
        values: {
          [FilterFormField.types.blockId]: {
            [FilterFormField.types.actionId]: {
              type: 'multi_static_select',
              selected_options: [option('Call')],
            },
          },
          [FilterFormField.text.blockId]: {
            [FilterFormField.text.actionId]: { type: 'plain_text_input', value: 'two' },
          },
        },
      }),
    );
    const refined = lastResponseUrlBody(slack);
    expect(refined.replace_original).toBe(true);
    expect(visibleText(refined.blocks)).toContain('Interactions · 1 result');
    expect(visibleText(refined.blocks)).toContain('Call two');
  });

  it('lets a viewer list', async () => {
    const viewer = await memberWithRole(slack, seeded, 'vera', 'viewer');
    await slack.command('list type:Visit', { user: viewer });
    const reply = slack.fake
      .ephemeralMessages('C0001')
      .filter((message) => message.user === viewer)
      .at(-1);
    expect(visibleText(reply?.blocks)).toContain('Interactions · 1 result');
    expect(() => findElement(reply?.blocks, ActionId.logInteraction)).toThrow();
  });

  it('says there is nothing when nothing matches', async () => {
    await slack.command(`list by:<@${BOB}|bob>`);
    const text = visibleText(lastEphemeral(slack).blocks);
    expect(text).toContain('Interactions · 0 results');
    expect(text).toContain('Nothing matches these filters.');
  });
});
