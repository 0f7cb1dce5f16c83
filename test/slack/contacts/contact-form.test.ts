import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, ContactFormField as F, ResultActionId } from '../../../src/adapters/slack/ids.js';
import { openContactForm } from '../../../src/adapters/slack/listeners/support/open-contact-forms.js';
import type { Tenant } from '../../../src/adapters/slack/middleware/tenant.js';
import { ForbiddenError } from '../../../src/core/shared/errors.js';
import { type StoredView, viewSubmissionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  ackErrors,
  allText,
  BOB,
  clientFor,
  depsFor,
  openView,
  tenantFor,
  textValues,
  triggerFor,
} from './slack-test-kit.js';

describe('the contact form (F11)', () => {
  const slack = useSlackApp();
  let alice: Tenant;

  beforeAll(async () => {
    alice = await tenantFor(slack, ALICE);
  });

  async function openForm(options: { contactId?: string; channelId?: string } = {}) {
    await openContactForm(clientFor(slack), triggerFor(slack), alice, depsFor(slack), options);
    return openView(slack, CallbackId.contactForm);
  }

  /** The form submitted with these text fields typed in. */
  function filledIn(view: StoredView, fields: Parameters<typeof textValues>[0]) {
    return viewSubmissionPayload({ fake: slack.fake, view, values: textValues(fields) });
  }

  async function contactsNamed(text: string) {
    return slack.container.contacts.findContacts(alice.actor, { text, limit: 50 });
  }

  it('adds a contact from the form and confirms with log and timeline buttons', async () => {
    const view = await openForm();
    expect(view.definition.title).toMatchObject({ text: 'New contact' });
    const response = await slack.interact(
      filledIn(view, [
        [F.firstName, 'Marie'],
        [F.lastName, 'Lévy'],
        [F.emails, 'marie@example.org\nm.levy@example.org'],
        [F.phones, '06 12 34 56 78\n+33 7 00 00 00 01'],
        [F.organisation, 'Acme'],
        [F.city, 'Lyon'],
        [F.tags, 'donor, volunteer'],
        [F.externalId, 'CRM-1'],
      ]),
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const [contact] = await contactsNamed('marie lévy');
    expect(contact).toMatchObject({
      firstName: 'Marie',
      lastName: 'Lévy',
      emails: ['marie@example.org', 'm.levy@example.org'],
      phones: ['06 12 34 56 78', '+33 7 00 00 00 01'],
      tags: ['donor', 'volunteer'],
      address: { city: 'Lyon' },
      externalId: 'CRM-1',
    });
    const dm = slack.fake.messages(ALICE).at(-1);
    expect(dm?.text).toContain('Contact added');
    const text = allText(dm?.blocks);
    expect(text).toContain('Acme');
    expect(text).toContain('Log interaction');
    expect(text).toContain('See all interactions');
    expect(JSON.stringify(dm?.blocks)).toContain(ResultActionId.timelinePick);
  });

  it('shows each invalid field inline on its input and writes nothing', async () => {
    const view = await openForm();
    const response = await slack.interact(
      filledIn(view, [
        [F.firstName, 'Invalid'],
        [F.lastName, 'Person'],
        [F.emails, 'bob@'],
        [F.phones, '12'],
      ]),
    );
    const errors = ackErrors(response.body);
    expect(errors?.[F.emails.blockId]).toContain("Invalid email 'bob@'");
    expect(errors?.[F.phones.blockId]).toContain('at least 6 digits');
    expect(await contactsNamed('invalid person')).toEqual([]);
  });

  it('asks for a name on the first name input when both names are empty', async () => {
    const view = await openForm();
    const response = await slack.interact(filledIn(view, [[F.emails, 'nameless@example.org']]));
    expect(ackErrors(response.body)?.[F.firstName.blockId]).toBe('Give the contact a first or last name.');
  });

  it('puts a duplicate external id on the external id input', async () => {
    await slack.container.contacts.createContact(alice.actor, { firstName: 'Holder', externalId: 'DUP-7' });
    const view = await openForm();
    const response = await slack.interact(
      filledIn(view, [
        [F.firstName, 'Second'],
        [F.externalId, 'DUP-7'],
      ]),
    );
    expect(ackErrors(response.body)?.[F.externalId.blockId]).toContain(
      "Holder already has the external id 'DUP-7'",
    );
    expect(await contactsNamed('second')).toEqual([]);
  });

  it('creates one contact when the same form is submitted twice at once', async () => {
    const view = await openForm();
    const payload = filledIn(view, [
      [F.firstName, 'Double'],
      [F.lastName, 'Click'],
    ]);
    const dmsBefore = slack.fake.messages(ALICE).length;
    const responses = await Promise.all([slack.interact(payload), slack.interact(payload)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(await contactsNamed('double click')).toHaveLength(1);
    expect(slack.fake.messages(ALICE).length).toBe(dmsBefore + 1);
  });

  it('lets the user fix a refused submission and submit the same modal again', async () => {
    const view = await openForm();
    const bad = await slack.interact(
      filledIn(view, [
        [F.firstName, 'Retry'],
        [F.emails, 'nope'],
      ]),
    );
    expect(ackErrors(bad.body)?.[F.emails.blockId]).toContain("Invalid email 'nope'");
    const good = await slack.interact(
      filledIn(view, [
        [F.firstName, 'Retry'],
        [F.emails, 'retry@example.org'],
      ]),
    );
    expect(good.body).toBe('');
    expect(await contactsNamed('retry')).toHaveLength(1);
  });

  it('edits a contact in a form filled with its current values, clearing emptied fields', async () => {
    const contact = await slack.container.contacts.createContact(alice.actor, {
      firstName: 'Edith',
      lastName: 'Piaf',
      emails: ['edith@example.org'],
      organisation: 'Olympia',
      externalId: 'EP-1',
    });
    const view = await openForm({ contactId: contact.id });
    expect(view.definition.title).toMatchObject({ text: 'Edit contact' });
    const filled = JSON.stringify(view.definition.blocks);
    expect(filled).toContain('edith@example.org');
    expect(filled).toContain('Olympia');
    const response = await slack.interact(
      filledIn(view, [
        [F.firstName, 'Édith'],
        [F.lastName, 'Piaf'],
        [F.emails, 'edith@example.org, piaf@example.org'],
      ]),
    );
    expect(response.body).toBe('');
    const edited = await slack.container.contacts.getContact(alice.actor, { id: contact.id });
    expect(edited.firstName).toBe('Édith');
    expect(edited.emails).toEqual(['edith@example.org', 'piaf@example.org']);
    expect(edited.organisationId).toBeUndefined();
    expect(edited.externalId).toBeUndefined();
    expect(slack.fake.messages(ALICE).at(-1)?.text).toContain('Contact updated');
  });

  it('confirms ephemerally in the channel the form was opened from', async () => {
    const view = await openForm({ channelId: 'C0001' });
    await slack.interact(filledIn(view, [[F.firstName, 'Channel']]));
    const note = slack.fake.ephemeralMessages('C0001').at(-1);
    expect(note?.user).toBe(ALICE);
    expect(note?.text).toContain('Contact added');
  });

  it('refuses viewers before opening the form, and again on submit', async () => {
    const bob = await tenantFor(slack, BOB);
    await slack.container.workspaces.setRole(alice.actor, { userId: BOB, role: 'viewer' });
    const viewer = { ...bob, actor: { ...bob.actor, role: 'viewer' as const } };
    const opened = slack.fake.callsTo('views.open').length;
    await expect(
      openContactForm(clientFor(slack), triggerFor(slack, BOB), viewer, depsFor(slack)),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);

    const view = await openForm();
    const response = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        userId: BOB,
        view,
        values: textValues([[F.firstName, 'Sneaky']]),
      }),
    );
    expect(ackErrors(response.body)?.[F.firstName.blockId]).toContain('Viewers can read the log');
    expect(await contactsNamed('sneaky')).toEqual([]);
    await slack.container.workspaces.setRole(alice.actor, { userId: BOB, role: 'member' });
  });
});
