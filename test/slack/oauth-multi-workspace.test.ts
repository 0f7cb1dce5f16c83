import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Installation } from '@slack/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../src/adapters/shared/natural-dates.js';
import { createSlackApp } from '../../src/adapters/slack/app.js';
import { CallbackId } from '../../src/adapters/slack/ids.js';
import { createContainer } from '../../src/app/container.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { MongoInstallationStore } from '../../src/infra/mongo/repositories/slack-installation.store.js';
import { useTestDatabase } from '../support/test-database.js';
import {
  appHomeOpenedEvent,
  eventEnvelope,
  type FakeSlack,
  globalShortcutPayload,
  sendEvent,
  sendInteraction,
  startFakeSlack,
} from './fake-slack/index.js';
import { requestsInFlight, SIGNING_SECRET } from './support/slack-app.js';

function install(teamId: string, token: string, botUserId: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: teamId },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes: ['commands', 'chat:write'], id: `B${teamId}`, userId: botUserId },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

/** The real app in OAuth mode: each workspace's requests use that workspace's stored token. */
describe('many workspaces through OAuth', () => {
  const handle = useTestDatabase();
  let fake: FakeSlack;
  let app: App;
  let url: string;
  const requests = requestsInFlight();
  /** Production acks first: the event is answered, then handled; this waits for both. */
  const deliver = async (envelope: object) => {
    const response = await sendEvent(url, SIGNING_SECRET, envelope);
    await requests.settled();
    return response;
  };

  beforeAll(async () => {
    fake = await startFakeSlack();
    fake.addTeam({ id: 'T0002', name: 'Second', domain: 'second' });
    fake.addToken({ token: 'xoxb-second', teamId: 'T0002', botUserId: 'UBOT2', botId: 'BBOT2' });
    fake.addUser({ id: 'U2001', teamId: 'T0002', name: 'carol' });
    const store = new MongoInstallationStore(handle.db.connection);
    await store.storeInstallation(install('T0001', 'xoxb-test', 'UBOT'));
    await store.storeInstallation(install('T0002', 'xoxb-second', 'UBOT2'));
    const container = createContainer(handle.db, { logger: silentLogger });
    app = createSlackApp({
      config: {
        DATA_DIR: './data',
        PORT: 0,
        LOG_LEVEL: 'silent',
        WORKER: 'off',
        TEAMS_ALLOW_UNAUTHENTICATED: false,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_CLIENT_ID: 'client-id',
        SLACK_CLIENT_SECRET: 'client-secret',
        SLACK_STATE_SECRET: 'state-secret-123',
        SLACK_API_URL: fake.url,
      },
      mode: { kind: 'oauth', socketMode: false },
      installationStore: store,
      tenants: container.workspaces,
      clock: container.clock,
      logger: silentLogger,
      deps: { container, parseDate: parseNaturalDate },
      observeRequest: requests.observe,
      webClientRetries: 0,
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('answers each workspace with its own bot token and keeps their data apart', async () => {
    const first = eventEnvelope(appHomeOpenedEvent({ userId: 'U0001', teamId: 'T0001' }), {
      teamId: 'T0001',
    });
    const second = eventEnvelope(appHomeOpenedEvent({ userId: 'U2001', teamId: 'T0002' }), {
      teamId: 'T0002',
    });
    expect((await deliver(first)).status).toBe(200);
    expect((await deliver(second)).status).toBe(200);
    const publishes = fake.callsTo('views.publish');
    expect(publishes.map((call) => [call.args.user_id, call.token, call.ok])).toEqual([
      ['U0001', 'xoxb-test', true],
      ['U2001', 'xoxb-second', true],
    ]);
    const workspaces = handle.db.connection
      .getClient()
      .db(handle.db.connection.name)
      .collection('workspaces');
    const keys = (await workspaces.find({ platform: 'slack' }).toArray()).map((w) => w.externalId).sort();
    expect(keys).toEqual(['T0001', 'T0002']);
  });

  it('tells a person whose shortcut could not be read with their own workspace token', async () => {
    const payload = globalShortcutPayload({
      fake,
      userId: 'U2001',
      teamId: 'T0002',
      callbackId: CallbackId.logShortcut,
    });
    const response = await sendInteraction(url, SIGNING_SECRET, { ...payload, user: 'U2001' });
    // The answer follows the ack: wait for the app to finish, as every other request here does.
    await requests.settled();

    expect(response.status).toBe(200);
    const opened = fake.callsTo('views.open').at(-1);
    expect([opened?.token, opened?.ok]).toEqual(['xoxb-second', true]);
    expect(JSON.stringify(opened?.args.view)).toMatch(/could not be read/);
  });

  it('refuses a workspace that never installed the app', async () => {
    fake.addTeam({ id: 'T0404', name: 'Stranger', domain: 'stranger' });
    const before = fake.callsTo('views.publish').length;
    const stranger = eventEnvelope(appHomeOpenedEvent({ userId: 'U4040', teamId: 'T0404' }), {
      teamId: 'T0404',
    });
    await deliver(stranger);
    expect(fake.callsTo('views.publish').length).toBe(before);
    const workspaces = handle.db.connection
      .getClient()
      .db(handle.db.connection.name)
      .collection('workspaces');
    expect(await workspaces.countDocuments({ platform: 'slack', externalId: 'T0404' })).toBe(0);
  });
});
