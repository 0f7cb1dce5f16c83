import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll } from 'vitest';
import { type Container, createContainer } from '../../../src/app/container.js';
import { type RunningTeams, startTeams } from '../../../src/app/start-teams.js';
import type { FollowUpScheduler } from '../../../src/core/followups/follow-up-scheduler.port.js';
import { type Logger, silentLogger } from '../../../src/core/shared/ports.js';
import { TestClock } from '../../slack/support/slack-app.js';
import { type EngineHandle, useDefaultStore } from '../../support/engines.js';
import type { RepositoryFaults } from '../../support/repository-faults.js';
import { type FakeConnector, fakeBotToken, startFakeConnector } from '../fake-connector/index.js';
import type { FakeConnectorOptions } from '../fake-connector/types.js';

export const BOT_ID = '28:11111111-2222-4333-8444-555555555555';
export const BOT_APP_ID = '11111111-2222-4333-8444-555555555555';
export const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const OTHER_TENANT = 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** Entra object ids and Teams ids of the people in the tests. */
export const USERS = {
  alice: { aad: '00000000-0000-4000-8000-00000000a11c', id: '29:alice', name: 'Alice Martin' },
  bob: { aad: '00000000-0000-4000-8000-000000000b0b', id: '29:bob', name: 'Bob Cohen' },
  vera: { aad: '00000000-0000-4000-8000-00000000fe1a', id: '29:vera', name: 'Vera Viewer' },
} as const;
export type UserName = keyof typeof USERS;

export const CHANNEL = '19:general@thread.tacv2';
export const personalChat = (user: UserName) => `a:personal-${user}`;

export interface TeamsHttpResponse {
  status: number;
  body: unknown;
}

export interface Where {
  /** Gives up on the answer (the test's stand-in for Teams' own window). */
  signal?: AbortSignal;
  user?: UserName;
  conversation?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  tenant?: string;
}

export interface TeamsTestApp {
  /** The app's store: the default engine (SQLite), a fresh file for this test file. */
  store: EngineHandle;
  connector: FakeConnector;
  container: Container;
  teams: RunningTeams;
  clock: TestClock;
  url: string;
  /** POST an activity to /api/messages as Teams would (channelId msteams, serviceUrl = the fake). */
  post(activity: Record<string, unknown>, signal?: AbortSignal): Promise<TeamsHttpResponse>;
  /** A message typed by `user` (alice by default) in their personal chat, or where told. */
  message(text: string, where?: Where & { extra?: Record<string, unknown> }): Promise<TeamsHttpResponse>;
  /** An invoke (`adaptiveCard/action`, `task/fetch`, `composeExtension/query`…) answered in the HTTP body. */
  invoke(name: string, value: unknown, where?: Where): Promise<TeamsHttpResponse>;
  /** Any other activity (installationUpdate, conversationUpdate…) from `where`. */
  event(fields: Record<string, unknown>, where?: Where): Promise<TeamsHttpResponse>;
}

export interface TeamsTestAppOptions {
  scheduler?: FollowUpScheduler;
  connector?: FakeConnectorOptions;
  /** Failure tests: the real repositories, with chosen calls made to hang or fail. */
  faults?: RepositoryFaults;
  /** Tests that assert what was logged pass a recording logger; silent otherwise. */
  logger?: Logger;
  /** Outage tests: a store of their own (e.g. a FerretDB they stop); default a fresh SQLite file. */
  store?: EngineHandle;
}

let sequence = 0;

/**
 * The real Teams SDK app on a real Express server, over HTTP, inbound auth off (the explicit
 * test mode), outbound calls to a faithful fake Bot Connector, on a fresh store of the default
 * engine. Call at describe level.
 */
export function useTeamsApp(options: TeamsTestAppOptions = {}): TeamsTestApp {
  const store = options.store ?? useDefaultStore();
  const handle = { store } as TeamsTestApp;
  let server: Server | undefined;
  beforeAll(async () => {
    const clock = new TestClock();
    const connector = await startFakeConnector({ rateLimit: false, ...options.connector });
    for (const [name, user] of Object.entries(USERS)) {
      connector.addMember(TENANT, user.aad);
      connector.addConversation({
        id: personalChat(name as UserName),
        tenantId: TENANT,
        type: 'personal',
        members: [user.aad],
      });
    }
    connector.addConversation({
      id: CHANNEL,
      tenantId: TENANT,
      type: 'channel',
      members: Object.values(USERS).map((u) => u.aad),
    });
    const faults = options.faults;
    const storage = faults
      ? { ...store.storage, repositories: faults.wrap(store.storage.repositories) }
      : store.storage;
    const container = createContainer(storage, {
      logger: options.logger ?? silentLogger,
      clock,
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    });
    const expressApp = express();
    server = createServer(expressApp);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const teams = await startTeams({
      mode: {
        kind: 'on',
        clientId: BOT_APP_ID,
        serviceUrl: connector.serviceUrl,
        allowUnauthenticated: true,
      },
      expressApp,
      container,
      publicUrl: base,
      token: () => fakeBotToken(BOT_APP_ID),
    });
    const url = `${base}/api/messages`;
    const post = async (
      activity: Record<string, unknown>,
      signal?: AbortSignal,
    ): Promise<TeamsHttpResponse> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        ...(signal ? { signal } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };
    const envelope = (where: Where = {}) => {
      const user = USERS[where.user ?? 'alice'];
      const conversationType =
        where.conversationType ?? (where.conversation === CHANNEL ? 'channel' : 'personal');
      const tenantId = where.tenant ?? TENANT;
      return {
        id: `act-${++sequence}`,
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        timestamp: clock.now().toISOString(),
        from: { id: user.id, name: user.name, aadObjectId: user.aad },
        recipient: { id: BOT_ID, name: 'Interaction log' },
        conversation: {
          id: where.conversation ?? personalChat(where.user ?? 'alice'),
          conversationType,
          tenantId,
          ...(conversationType === 'channel' ? { isGroup: true, name: 'General' } : {}),
        },
        channelData: {
          tenant: { id: tenantId },
          ...(conversationType === 'channel' ? { channel: { id: CHANNEL } } : {}),
        },
      };
    };
    Object.assign(handle, {
      connector,
      container,
      teams,
      clock,
      url,
      post,
      message: (text: string, where: Where & { extra?: Record<string, unknown> } = {}) =>
        post({ ...envelope(where), type: 'message', text, ...where.extra }, where.signal),
      invoke: (name: string, value: unknown, where: Where = {}) =>
        post({ ...envelope(where), type: 'invoke', name, value }, where.signal),
      event: (fields: Record<string, unknown>, where: Where = {}) =>
        post({ ...envelope(where), ...fields }, where.signal),
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await handle.connector?.close();
  });
  return handle;
}
