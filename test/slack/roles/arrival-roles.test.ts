import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackId } from '../../../src/adapters/slack/ids.js';
import { allText, GENERAL, openView } from '../contacts/slack-test-kit.js';
import { FAKE_DEFAULTS } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';

/**
 * Who administers the app is what Slack says (users.info: owners, admins, guests), never who
 * happened to type first. Driven over HTTP with signed slash commands; the fake answers
 * users.info as Slack does.
 */
describe('the role a person starts with in Slack', () => {
  const slack = useSlackApp();
  const people = { plain: '', admin: '', guest: '', singleChannelGuest: '' };

  beforeAll(() => {
    // Nobody from the fake's defaults (alice is its primary owner) is used here before these.
    people.plain = slack.fake.addUser({ name: 'pat', tz: 'Europe/Paris' }).id;
    people.admin = slack.fake.addUser({ name: 'ada', isAdmin: true }).id;
    people.guest = slack.fake.addUser({ name: 'gus', isRestricted: true }).id;
    people.singleChannelGuest = slack.fake.addUser({ name: 'uma', isUltraRestricted: true }).id;
  });

  function lastReplyTo(userId: string): string {
    const reply = slack.fake
      .ephemeralMessages(GENERAL)
      .filter((message) => message.user === userId)
      .at(-1);
    return `${reply?.text ?? ''}\n${allText(reply?.blocks)}`;
  }

  it('does not make the first person to type an admin, and tells them how a workspace gets one', async () => {
    const opened = slack.fake.callsTo('views.open').length;
    await slack.command('settings', { user: people.plain });
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
    expect(lastReplyTo(people.plain)).toContain('no Interaction Log admin yet');
    expect(lastReplyTo(people.plain)).toContain('Slack workspace owner or admin');
  });

  it('makes a Slack workspace admin an owner the first time they use the app', async () => {
    await slack.command('settings', { user: people.admin });
    const view = openView(slack, CallbackId.settingsForm, people.admin);
    expect(allText(view.definition.blocks)).toContain('Weekly report');
    // ada's own zone is the workspace's (UTC): no zone named beside the report time.
    expect(allText(view.definition.blocks)).not.toContain('Time (UTC)');
  });

  it('refuses settings to a plain member once the workspace has an admin', async () => {
    await slack.command('settings', { user: people.plain });
    expect(lastReplyTo(people.plain)).toContain('Only workspace admins');
  });

  it.each([
    ['a multi-channel guest', 'guest'],
    ['a single-channel guest', 'singleChannelGuest'],
  ] as const)('lets %s read but not write', async (_label, who) => {
    const opened = slack.fake.callsTo('views.open').length;
    await slack.command('contact add', { user: people[who] });
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
    expect(lastReplyTo(people[who])).toContain('Viewers can read the log');
  });

  it("starts the workspace's primary owner as an owner even after others arrived", async () => {
    await slack.command('settings', { user: FAKE_DEFAULTS.users.alice });
    const view = openView(slack, CallbackId.settingsForm, FAKE_DEFAULTS.users.alice);
    expect(allText(view.definition.blocks)).toContain('Weekly report');
    // alice is in Paris and the workspace on UTC: the report time says whose clock it is on.
    expect(allText(view.definition.blocks)).toContain('Time (UTC)');
  });

  it('answers even when Slack cannot say who someone is, and gives their real role once it can', async () => {
    const late = slack.fake.addUser({ name: 'lee', isAdmin: true }).id;
    slack.fake.failNext('users.info', { status: 503 });
    const opened = slack.fake.callsTo('views.open').length;
    const response = await slack.command('settings', { user: late });
    expect(response.status).toBe(200);
    expect(slack.fake.callsTo('views.open')).toHaveLength(opened);
    expect(lastReplyTo(late)).toContain('Only workspace admins');
    slack.clock.advance(60_000); // past the short tenant cache
    await slack.command('settings', { user: late });
    const view = openView(slack, CallbackId.settingsForm, late);
    expect(allText(view.definition.blocks)).toContain('Weekly report');
  });

  it('asks Slack about a person once, not on every request', async () => {
    const asked = () =>
      slack.fake.callsTo('users.info').filter((call) => call.args.user === people.plain).length;
    const before = asked();
    slack.clock.advance(60_000); // past the short tenant cache, well inside a day
    await slack.command('help', { user: people.plain });
    expect(asked()).toBe(before);
  });
});
