import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, FilterFormField, ItemActionPrefix } from '../../src/adapters/slack/ids.js';
import type { Container } from '../../src/app/container.js';
import type { Contact } from '../../src/core/contacts/contact.js';
import type { Actor } from '../../src/core/shared/actor.js';
import {
  ALICE,
  addContact as addSlackContact,
  click,
  csvLines,
  findElement,
  GENERAL,
  lastEphemeral,
  lastResponseUrlBody,
  mrkdwnTexts,
  seedWorkspace,
  visibleText,
} from '../slack/commands/support.js';
import { viewSubmissionPayload } from '../slack/fake-slack/index.js';
import { useSlackApp } from '../slack/support/slack-app.js';
import { action, cardOf, cardText, expectValidCard } from '../teams/support/cards.js';
import { addContact as addTeamsContact, seedTenant } from '../teams/support/seed.js';
import { personalChat, useTeamsApp } from '../teams/support/teams-app.js';

const LONG = 'The whole family was there and we talked for a long time. '.repeat(8);

/** Two visits at two addresses and a call, for one contact: what "the history of visits by address" searches. */
async function seedVisits(container: Container, actor: Actor, contact: Contact, at: Date) {
  const log = (key: string, fields: Record<string, unknown>, minutes: number) =>
    container.interactions.logInteraction(actor, {
      idempotencyKey: key,
      contactIds: [contact.id],
      occurredAt: new Date(at.getTime() - minutes * 60_000),
      ...fields,
    });
  await log(
    'visit-wavre',
    { type: 'Visit', description: LONG, visitAddress: '12 Chaussée de Wavre, Ixelles' },
    30,
  );
  await log(
    'visit-louise',
    { type: 'Visit', description: 'Short visit', visitAddress: '5 Avenue Louise <!here>' },
    20,
  );
  await log('call', { type: 'Call', description: 'A call' }, 10);
}

describe('the visit address in Slack', () => {
  const slack = useSlackApp();
  let owner: Actor;

  beforeAll(async () => {
    ({ owner } = await seedWorkspace(slack));
    const anna = await addSlackContact(slack, owner, { firstName: 'Anna', lastName: 'Klein' });
    await seedVisits(slack.container, owner, anna, slack.clock.now());
  });

  it('shows the address of each visit on the timeline, escaped', async () => {
    await slack.command('timeline Anna Klein');
    const blocks = lastEphemeral(slack).blocks;
    const text = visibleText(blocks);
    expect(text).toContain(':round_pushpin: 12 Chaussée de Wavre, Ixelles');
    expect(text).toContain(':round_pushpin: 5 Avenue Louise &lt;!here&gt;');
    expect(mrkdwnTexts(blocks)).not.toContain('<!here>');
  });

  it('shows the address in the whole interaction opened with Show more', async () => {
    await slack.command('timeline Anna Klein');
    await click(
      slack,
      findElement(lastEphemeral(slack).blocks, new RegExp(`^${ItemActionPrefix.itemShowMore}`)),
    );
    const view = slack.fake.openViews(ALICE).at(-1);
    expect(visibleText(view?.definition.blocks)).toContain('12 Chaussée de Wavre, Ixelles');
  });

  it('lists the visits at an address, ignoring case and accents', async () => {
    await slack.command('list address:"CHAUSSEE de wavre"');
    const text = visibleText(lastEphemeral(slack).blocks);
    expect(text).toContain('Interactions · 1 result');
    expect(text).toContain('12 Chaussée de Wavre, Ixelles');
    expect(text).toContain('*Address:* CHAUSSEE de wavre');
  });

  it('filters by address from the filter form', async () => {
    await slack.command('list');
    const form = slack.fake.openViews(ALICE).at(-1);
    expect(form?.definition.callback_id).toBe(CallbackId.filterForm);
    expect(JSON.stringify(form?.definition)).toContain('Visit address contains');
    await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        view: form!,
        values: {
          [FilterFormField.addressText.blockId]: {
            [FilterFormField.addressText.actionId]: { type: 'plain_text_input', value: 'louise' },
          },
        },
      }),
    );
    const text = visibleText(lastResponseUrlBody(slack).blocks);
    expect(text).toContain('Interactions · 1 result');
    expect(text).toContain('5 Avenue Louise');
  });

  it('exports the address column, and only the visits at that address', async () => {
    await slack.command('export address:wavre');
    const shared = slack.fake.messages(GENERAL).at(-1);
    expect(shared?.text).toContain('CSV export of 1 interaction');
    const rows: string[][] = parse(csvLines(slack, String(shared?.files?.[0]?.id)).join('\n'));
    const address = rows[0]?.indexOf('Address') ?? -1;
    expect(address).toBeGreaterThan(-1);
    expect(rows.slice(1).map((row) => row[address])).toEqual(['12 Chaussée de Wavre, Ixelles']);
  });

  it('finds a visit by its edited address, and no longer once it is not a visit', async () => {
    const anna = (await slack.container.contacts.findContacts(owner, { text: 'Anna Klein', limit: 1 }))[0];
    const page = await slack.container.interactions.contactTimeline(owner, {
      contactId: anna?.id,
      limit: 10,
    });
    const louise = page.items.find((item) => item.visitAddress?.startsWith('5 Avenue Louise'));
    await slack.container.interactions.editInteraction(owner, {
      id: louise?.id,
      visitAddress: '7 Place Flagey',
    });
    await slack.command('list address:flagey');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Interactions · 1 result');
    await slack.command('list address:louise');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Interactions · 0 results');

    await slack.container.interactions.editInteraction(owner, { id: louise?.id, type: 'Call' });
    await slack.command('list address:flagey');
    expect(visibleText(lastEphemeral(slack).blocks)).toContain('Interactions · 0 results');
  });
});

describe('the visit address in Teams', () => {
  const t = useTeamsApp();
  const lastCard = () => cardOf(t.connector.messages(personalChat('alice')).at(-1));

  beforeAll(async () => {
    const world = await seedTenant(t.container);
    const anna = await addTeamsContact(t.container, world.actors.alice, 'Anna', 'Klein');
    await seedVisits(t.container, world.actors.alice, anna, t.clock.now());
  });

  it('shows the address of each visit on the timeline card, escaped', async () => {
    await t.message('timeline Anna Klein');
    const card = lastCard();
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('📍 12 Chaussée de Wavre, Ixelles');
    expect(text).toContain('📍 5 Avenue Louise');
  });

  it('lists and exports the visits at an address, ignoring case and accents', async () => {
    await t.message('list address:"chaussee DE WAVRE"');
    const list = lastCard();
    expectValidCard(list);
    expect(cardText(list)).toContain('12 Chaussée de Wavre, Ixelles');
    expect(cardText(list)).not.toContain('Avenue Louise');

    await t.message('export address:wavre');
    const url = (action(lastCard(), 'Download CSV') as unknown as { url: string }).url;
    const rows: string[][] = parse(await (await fetch(url)).text(), { bom: true });
    const address = rows[0]?.indexOf('Address') ?? -1;
    expect(address).toBeGreaterThan(-1);
    expect(rows.slice(1).map((row) => row[address])).toEqual(['12 Chaussée de Wavre, Ixelles']);
  });
});
