import { beforeAll, describe, expect, it } from 'vitest';
import { ALICE, addContact, GENERAL, type Seeded, seedWorkspace } from './commands/support.js';
import { sendSlashCommand, slackTimestamp } from './fake-slack/index.js';
import { SIGNING_SECRET, useSlackApp } from './support/slack-app.js';

/**
 * Slack signs `v0:{timestamp}:{body}`; a request is trusted only within five minutes of our
 * clock on either side. Bolt compares with the wall clock, so these timestamps do too.
 */
describe('Slack request timestamps', () => {
  const slack = useSlackApp();
  let seeded: Seeded;

  const count = () =>
    slack.container.repositories.interactions.count(seeded.workspace.id, {}, slack.clock.now());

  function logLine(timestamp: number) {
    return sendSlashCommand(
      slack.url,
      SIGNING_SECRET,
      {
        command: '/interaction',
        text: 'log Cohen call "Signed ahead of time"',
        user_id: ALICE,
        channel_id: GENERAL,
      },
      { fake: slack.fake, timestamp },
    );
  }

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    await addContact(slack, seeded.owner, { firstName: 'Rachel', lastName: 'Cohen' });
  });

  it('refuses a correctly signed request stamped ten minutes ahead, and writes nothing', async () => {
    const before = await count();
    const response = await logLine(slackTimestamp(Date.now() + 10 * 60_000));
    expect(response.status).toBe(401);
    expect(await count()).toBe(before);
    expect(slack.fake.ephemeralMessages(GENERAL)).toHaveLength(0);
  });

  it('refuses a correctly signed request stamped ten minutes behind', async () => {
    const before = await count();
    const response = await logLine(slackTimestamp(Date.now() - 10 * 60_000));
    expect(response.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('still accepts a request stamped a little ahead, within the five minutes of clock skew', async () => {
    const before = await count();
    const response = await logLine(slackTimestamp(Date.now() + 60_000));
    expect(response.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});
