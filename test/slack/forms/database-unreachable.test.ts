import { beforeAll, describe, expect, it } from 'vitest';
import { ContactMergeField, InteractionFormField as F } from '../../../src/adapters/slack/ids.js';
import type { AckDeadlineFactory } from '../../../src/adapters/slack/listeners/support/ack-deadline.js';
import { databaseTimeout, RepositoryFaults } from '../../support/repository-faults.js';
import { blockSuggestionPayload } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';
import {
  ALICE,
  addContact,
  interactionsOf,
  openLogFormByShortcut,
  type Seeded,
  seedWorkspace,
  submit,
  textOf,
} from './form-support.js';

/** A deadline the test passes by hand once it knows the search is under way: no timing. */
function manualDeadline() {
  let pass = () => {};
  const reached = new Promise<void>((resolve) => {
    pass = resolve;
  });
  const factory: AckDeadlineFactory = () => ({ reached, cancel() {} });
  return { factory, pass: () => pass() };
}

/** Every form submission is "slow": the write always outlives the ack. */
const alreadyPassed: AckDeadlineFactory = () => ({ reached: Promise.resolve(), cancel() {} });

const NOT_THROUGH = 'did not go through';

describe('when the database stops answering', () => {
  const faults = new RepositoryFaults();
  let suggestionDeadline = manualDeadline();
  const slack = useSlackApp({
    faults,
    submissionDeadline: alreadyPassed,
    suggestionDeadline: () => suggestionDeadline.factory(),
  });
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
  });

  const toAlice = () =>
    slack.fake.messages(ALICE).map((message) => textOf(message.blocks) || message.text || '');
  const suggest = (value: string) =>
    slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        actionId: F.contacts.actionId,
        blockId: F.contacts.blockId,
        value,
      }),
    );

  it('answers a contact search that outlives the deadline once, with no options, and drops its late failure', async () => {
    const yael = await addContact(slack, seeded.alice, 'Yael', 'Cohen');
    suggestionDeadline = manualDeadline();
    const said = toAlice().length;
    const gate = faults.hangNext('contacts', 'search');
    const pending = suggest('cohen');
    await gate.called;
    suggestionDeadline.pass();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ options: [] });

    gate.fail(databaseTimeout());
    // The next search is answered normally, and nobody was told their request failed.
    suggestionDeadline = manualDeadline();
    const next = await suggest('cohen');
    expect(next.body).toMatchObject({ options: [{ value: yael.id }] });
    expect(toAlice().slice(said)).toEqual([]);
  });

  it('answers a failed contact search with no options and no "did not go through" message', async () => {
    const said = toAlice().length;
    faults.failNext('contacts', 'search', databaseTimeout());
    const response = await suggest('cohen');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ options: [] });
    expect(toAlice().slice(said)).toEqual([]);
  });

  it('answers the merge picker the same way when its search times out', async () => {
    suggestionDeadline = manualDeadline();
    const said = toAlice().length;
    const gate = faults.hangNext('contacts', 'search');
    const pending = slack.interact(
      blockSuggestionPayload({
        fake: slack.fake,
        actionId: ContactMergeField.target.actionId,
        blockId: ContactMergeField.target.blockId,
        value: 'cohen',
      }),
    );
    await gate.called;
    suggestionDeadline.pass();
    expect((await pending).body).toEqual({ options: [] });
    gate.fail(databaseTimeout());
    expect((await suggest('cohen')).status).toBe(200);
    expect(toAlice().slice(said)).toEqual([]);
  });

  it('says a log whose write timed out may have been saved, and how to check, never that it did not go through', async () => {
    const ann = await addContact(slack, seeded.alice, 'Ann', 'Timeout');
    const view = await openLogFormByShortcut(slack);
    const said = toAlice().length;
    const gate = faults.hangNext('interactions', 'insertMany');
    const pending = submit(slack, view, { contacts: [{ id: ann.id }], type: 'Call', description: 'Lost?' });
    await gate.called;
    gate.fail(databaseTimeout());
    const response = await pending;
    expect(response.body).toMatchObject({ response_action: 'update' });

    const replaced = textOf(slack.fake.callsTo('views.update').at(-1)?.args.view);
    expect(replaced).toContain('may have been logged');
    expect(replaced).toContain('Look at the timeline before logging it again');
    expect(replaced).not.toContain('Nothing was saved');
    const told = toAlice().slice(said).join('\n');
    expect(told).toContain('may have been saved');
    expect(told).toContain('Look at the timeline before you try again');
    expect(told).not.toContain(NOT_THROUGH);
  });

  it('still says "did not go through" when the failure came before anything was written', async () => {
    const bea = await addContact(slack, seeded.alice, 'Bea', 'Unreachable');
    const view = await openLogFormByShortcut(slack);
    const said = toAlice().length;
    faults.failNext('contacts', 'findByIds', databaseTimeout());
    await submit(slack, view, { contacts: [{ id: bea.id }], type: 'Call', description: 'Never sent' });
    const replaced = textOf(slack.fake.callsTo('views.update').at(-1)?.args.view);
    expect(replaced).toContain('Nothing was saved');
    expect(toAlice().slice(said).join('\n')).toContain(NOT_THROUGH);
    expect(await interactionsOf(slack, seeded.alice, [bea.id])).toEqual([]);
  });
});
