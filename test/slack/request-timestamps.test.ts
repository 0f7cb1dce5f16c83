import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../src/adapters/shared/natural-dates.js';
import { createSlackApp } from '../../src/adapters/slack/app.js';
import { storageOf } from '../../src/app/container.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { ALICE, addContact, GENERAL, type Seeded, seedWorkspace } from './commands/support.js';
import { FAKE_DEFAULTS, sendSlashCommand, slackTimestamp } from './fake-slack/index.js';
import { requestsInFlight, SIGNING_SECRET, useSlackApp } from './support/slack-app.js';

/**
 * Slack signs `v0:{timestamp}:{body}`; a request is trusted only within five minutes of our
 * clock on either side. Bolt compares with the wall clock, so these timestamps do too.
 */
describe('Slack request timestamps', () => {
  const slack = useSlackApp();
  let seeded: Seeded;

  const count = () =>
    storageOf(slack.container).repositories.interactions.count(seeded.workspace.id, {}, slack.clock.now());

  async function logLine(timestamp: number) {
    const response = await sendSlashCommand(
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
    // A refused request never reaches a listener; an accepted one is done once this settles.
    await slack.settled();
    return response;
  }

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    await addContact(slack, seeded.owner, { firstName: 'Rachel', lastName: 'Cohen' });
  });

  it('refuses a correctly signed request stamped ten minutes ahead, and writes nothing', async () => {
    const before = await count();
    const said = slack.fake.ephemeralMessages(GENERAL).length;
    const response = await logLine(slackTimestamp(Date.now() + 10 * 60_000));
    expect(response.status).toBe(401);
    expect(await count()).toBe(before);
    expect(slack.fake.ephemeralMessages(GENERAL)).toHaveLength(said);
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

describe('Slack request timestamps on the shared server (how production mounts Slack)', () => {
  const slack = useSlackApp();
  let server: Server | undefined;
  let url = '';
  const requests = requestsInFlight();

  beforeAll(async () => {
    await seedWorkspace(slack);
    const expressApp = express();
    createSlackApp({
      config: {
        DATA_DIR: './data',
        PORT: 0,
        LOG_LEVEL: 'silent',
        WORKER: 'off',
        TEAMS_ALLOW_UNAUTHENTICATED: false,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
        SLACK_API_URL: slack.fake.url,
      },
      mode: { kind: 'single-workspace', socketMode: false },
      installationStore: storageOf(slack.container).slackInstallations,
      tenants: slack.container.workspaces,
      clock: slack.clock,
      logger: silentLogger,
      deps: { container: slack.container, parseDate: parseNaturalDate },
      expressApp,
      observeRequest: requests.observe,
      webClientRetries: 0,
    });
    const listening = createServer(expressApp);
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  const help = async (timestamp: number) => {
    const response = await sendSlashCommand(
      url,
      SIGNING_SECRET,
      { command: '/interaction', text: 'help' },
      { fake: slack.fake, timestamp },
    );
    await requests.settled();
    return response;
  };

  it('refuses a request stamped ten minutes ahead and still answers one stamped now', async () => {
    expect((await help(slackTimestamp(Date.now() + 10 * 60_000))).status).toBe(401);
    expect((await help(slackTimestamp())).status).toBe(200);
  });
});
