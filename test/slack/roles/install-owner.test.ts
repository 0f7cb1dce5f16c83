import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../../src/adapters/shared/natural-dates.js';
import { createSlackApp } from '../../../src/adapters/slack/app.js';
import { CallbackId } from '../../../src/adapters/slack/ids.js';
import { createContainer, storageOf } from '../../../src/app/container.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { useDefaultStore } from '../../support/engines.js';
import { allText } from '../contacts/slack-test-kit.js';
import { type FakeSlack, sendSlashCommand, startFakeSlack } from '../fake-slack/index.js';
import { requestsInFlight, SIGNING_SECRET } from '../support/slack-app.js';

const TEAM = 'T0003';
const CLIENT = { clientId: 'client-id', clientSecret: 'client-secret' };

/**
 * Installing the app through Slack's OAuth flow, over HTTP: /slack/install, Slack's consent (the
 * fake issues the code), the redirect back. The installer is the owner, whoever arrives first.
 */
/** Bolt's own HTTP server (tests), and the Express app `npm start` serves Slack and Teams from. */
describe.each(['bolt', 'express'] as const)(
  'installing the app in a Slack workspace (%s receiver)',
  (receiver) => {
    const store = useDefaultStore();
    let fake: FakeSlack;
    let app: App;
    let base: string;
    let installer: string;
    let colleague: string;
    let channel: string;
    let server: Server | undefined;
    const expressApp = receiver === 'express' ? express() : undefined;
    const requests = requestsInFlight();

    beforeAll(async () => {
      fake = await startFakeSlack();
      fake.registerOAuthApp(CLIENT);
      fake.addTeam({ id: TEAM, name: 'Third', domain: 'third' });
      fake.addToken({ token: 'xoxb-third', teamId: TEAM, botUserId: 'UBOT3', botId: 'BBOT3' });
      // Not a Slack admin: installing is what makes this person the app's owner.
      installer = fake.addUser({ teamId: TEAM, name: 'ivy', tz: 'Europe/Paris' }).id;
      colleague = fake.addUser({ teamId: TEAM, name: 'cole', tz: 'America/New_York' }).id;
      channel = fake.addChannel({ teamId: TEAM, name: 'general', members: [installer, colleague] }).id;
      const container = createContainer(store.storage, { logger: silentLogger });
      app = createSlackApp({
        config: {
          DATA_DIR: './data',
          PORT: 0,
          LOG_LEVEL: 'silent',
          WORKER: 'off',
          TEAMS_ALLOW_UNAUTHENTICATED: false,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_CLIENT_ID: CLIENT.clientId,
          SLACK_CLIENT_SECRET: CLIENT.clientSecret,
          SLACK_STATE_SECRET: 'state-secret-123',
          SLACK_API_URL: fake.url,
        },
        mode: { kind: 'oauth', socketMode: false },
        installationStore: storageOf(container).slackInstallations,
        tenants: container.workspaces,
        clock: container.clock,
        logger: silentLogger,
        deps: { container, parseDate: parseNaturalDate },
        observeRequest: requests.observe,
        webClientRetries: 0,
        ...(expressApp ? { expressApp } : {}),
      });
      if (expressApp) {
        server = createServer(expressApp);
        await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      } else {
        server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
      }
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      if (expressApp) {
        server?.closeAllConnections();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      } else await app?.stop();
      await fake?.close();
    });

    async function install(userId: string): Promise<number> {
      const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
      const location = new URL(start.headers.get('location') ?? '');
      const state = location.searchParams.get('state') ?? '';
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const code = fake.grantInstall({ teamId: TEAM, installerId: userId, botToken: 'xoxb-third' });
      const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${state}`, {
        headers: { cookie },
        redirect: 'manual',
      });
      return back.status;
    }

    /** Answered at the ack, as in production; returns once the command is fully handled. */
    const command = async (text: string, userId: string) => {
      await sendSlashCommand(
        `${base}/slack/events`,
        SIGNING_SECRET,
        {
          command: '/interaction',
          text,
          team_id: TEAM,
          team_domain: 'third',
          user_id: userId,
          channel_id: channel,
        },
        { fake },
      );
      await requests.settled();
    };

    it('makes the installer the owner, in their time zone, even if a colleague types first', async () => {
      expect(await install(installer)).toBe(200);
      await command('settings', colleague);
      const refusal = fake
        .ephemeralMessages(channel)
        .filter((message) => message.user === colleague)
        .at(-1);
      expect(refusal?.text).toContain('Only workspace admins');

      await command('settings', installer);
      const settings = fake
        .openViews(installer)
        .find((view) => view.definition.callback_id === CallbackId.settingsForm);
      expect(settings).toBeDefined();
      // The workspace zone the settings form starts from is the installer's, not UTC.
      expect(allText(settings?.definition.blocks)).toContain('Europe/Paris');
    });
  },
);
