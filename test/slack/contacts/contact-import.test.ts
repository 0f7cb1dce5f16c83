import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId, ContactImportField } from '../../../src/adapters/slack/ids.js';
import { openContactImport } from '../../../src/adapters/slack/listeners/support/open-contact-forms.js';
import type { Tenant } from '../../../src/adapters/slack/middleware/tenant.js';
import { viewSubmissionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  ackErrors,
  allText,
  clientFor,
  depsFor,
  openView,
  stateValue,
  tenantFor,
  triggerFor,
} from './slack-test-kit.js';

describe('contact import from a CSV upload (F11)', () => {
  const slack = useSlackApp();
  let alice: Tenant;

  beforeAll(async () => {
    alice = await tenantFor(slack, ALICE);
  });

  async function submitFile(filename: string, content: string) {
    await openContactImport(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    const view = openView(slack, CallbackId.contactImport);
    const file = slack.fake.addUserFile({ filename, content });
    const values = stateValue(ContactImportField.file, { type: 'file_input', files: [file] });
    return slack.interact(viewSubmissionPayload({ fake: slack.fake, view, values }));
  }

  function lastDm() {
    const dm = slack.fake.messages(ALICE).at(-1);
    if (!dm) throw new Error('no DM');
    return { text: dm.text, all: allText(dm.blocks) };
  }

  it('opens a modal with one CSV file input', async () => {
    await openContactImport(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    const view = openView(slack, CallbackId.contactImport);
    expect(JSON.stringify(view.definition.blocks)).toContain('"filetypes":["csv"]');
    expect(JSON.stringify(view.definition.blocks)).toContain('"max_files":1');
  });

  it('imports the rows and DMs created, updated and skipped counts with each problem row', async () => {
    await slack.container.contacts.createContact(alice.actor, {
      firstName: 'Known',
      lastName: 'Person',
      emails: ['known@example.org'],
    });
    const csv = [
      'First name;Last name;Email;Phone;Company',
      'Ann;Lee;ann@example.org;06 12 34 56 78;Acme',
      'Known;Person;known@example.org;07 00 00 00 01;',
      'Bad;Row;bob@;;',
      ';;nobody@example.org;;',
    ].join('\n');
    const response = await submitFile('contacts.csv', csv);
    expect(response.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(response.body)).toContain('Importing');

    const dm = lastDm();
    expect(dm.text).toContain('1 created, 1 updated, 2 skipped');
    expect(dm.all).toContain("line 4: invalid email 'bob@'");
    expect(dm.all).toContain('line 5: give the contact a first or last name');
    const [ann] = await slack.container.contacts.findContacts(alice.actor, { text: 'ann lee' });
    expect(ann?.phones).toEqual(['06 12 34 56 78']);
    const [known] = await slack.container.contacts.findContacts(alice.actor, { text: 'known person' });
    expect(known?.phones).toEqual(['07 00 00 00 01']);
  });

  it('lists the first 20 problem rows and counts the others', async () => {
    const rows = Array.from({ length: 25 }, (_, index) => `Bad${index};bad${index}@`);
    const response = await submitFile('many.csv', ['first name;email', ...rows].join('\n'));
    expect(response.status).toBe(200);
    const dm = lastDm();
    expect(dm.text).toContain('0 created, 0 updated, 25 skipped');
    expect(dm.all).toContain("line 21: invalid email 'bad19@'");
    expect(dm.all).not.toContain('line 22:');
    expect(dm.all).toContain('…and 5 more skipped rows');
  });

  it('reports a file it cannot read with its line, and imports nothing from it', async () => {
    const csv = [
      'first name,email',
      'Quote,quote@example.org',
      '"Broken,broken@example.org',
      'After,after@example.org',
    ].join('\n');
    await submitFile('broken.csv', csv);
    const dm = lastDm();
    expect(dm.text).toContain('*broken.csv* was not imported: line 3');
    expect(dm.text).toContain('never closed');
    expect(await slack.container.contacts.findContacts(alice.actor, { text: 'quote' })).toEqual([]);
  });

  it('explains a file without a name column', async () => {
    await submitFile('no-names.csv', 'email,phone\nx@example.org,0612345678\n');
    expect(lastDm().text).toContain('No name column found');
  });

  it('imports a double-submitted upload once', async () => {
    await openContactImport(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    const view = openView(slack, CallbackId.contactImport);
    const file = slack.fake.addUserFile({
      filename: 'twice.csv',
      content: 'name,email\nTwice Only,twice@example.org\n',
    });
    const payload = viewSubmissionPayload({
      fake: slack.fake,
      view,
      values: stateValue(ContactImportField.file, { type: 'file_input', files: [file] }),
    });
    const before = slack.fake.messages(ALICE).length;
    await Promise.all([slack.interact(payload), slack.interact(payload)]);
    expect(await slack.container.contacts.findContacts(alice.actor, { text: 'twice only' })).toHaveLength(1);
    expect(slack.fake.messages(ALICE).length).toBe(before + 1);
  });

  it('asks for a file when none was uploaded', async () => {
    await openContactImport(clientFor(slack), triggerFor(slack), alice, depsFor(slack));
    const view = openView(slack, CallbackId.contactImport);
    const response = await slack.interact(
      viewSubmissionPayload({
        fake: slack.fake,
        view,
        values: stateValue(ContactImportField.file, { type: 'file_input', files: [] }),
      }),
    );
    expect(ackErrors(response.body)?.[ContactImportField.file.blockId]).toBe('Choose a CSV file to import.');
  });
});
