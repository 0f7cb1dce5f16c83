import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId } from '../../../src/adapters/slack/ids.js';
import { useSlackApp } from '../support/slack-app.js';
import { ALICE, allText, BOB, GENERAL, modalOpenedBy, openView, tenantFor } from './slack-test-kit.js';

/** The contact and settings entry points, reached through the real `/interaction` router. */
describe('/interaction contact … and settings', () => {
  const slack = useSlackApp();

  beforeAll(async () => {
    const alice = await tenantFor(slack, ALICE);
    await tenantFor(slack, BOB);
    await slack.container.contacts.createContact(alice.actor, { firstName: 'Yossi', lastName: 'Lévy' });
  });

  it('opens the contact form on `contact add`', async () => {
    const response = await slack.command('contact add');
    expect(response.status).toBe(200);
    expect(openView(slack, CallbackId.contactForm).definition.title).toMatchObject({ text: 'New contact' });
  });

  it('answers `contact find levy` ephemerally with the accent-insensitive match', async () => {
    await slack.command('contact find levy');
    const reply = slack.fake.ephemeralMessages(GENERAL).at(-1);
    expect(allText(reply?.blocks)).toContain('*Yossi Lévy*');
  });

  it('opens the import modal on `contact import`', async () => {
    const view = await modalOpenedBy(slack, CallbackId.contactImport, () => slack.command('contact import'));
    expect(view.definition.title).toMatchObject({ text: 'Import contacts' });
    expect(allText(view.definition.blocks)).toContain('CSV file');
  });

  it('opens settings for an admin', async () => {
    await slack.command('settings');
    const view = openView(slack, CallbackId.settingsForm);
    expect(allText(view.definition.blocks)).toContain('Weekly report');
  });

  it('refuses settings to a member ephemerally, without opening anything', async () => {
    const opened = slack.fake.callsTo('views.open').length;
    await slack.command('settings', { user: BOB });
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
    const reply = slack.fake
      .ephemeralMessages(GENERAL)
      .filter((message) => message.user === BOB)
      .at(-1);
    expect(reply?.text).toContain('Only workspace admins');
  });
});
