import type { Installation, InstallationStore } from '@slack/oauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { storageOf } from '../../../src/app/container.js';
import { eventEnvelope, FAKE_DEFAULTS } from '../fake-slack/index.js';
import { useSlackApp } from '../support/slack-app.js';

const TEAM = FAKE_DEFAULTS.teamId;
const query = { teamId: TEAM, enterpriseId: undefined, isEnterpriseInstall: false } as const;

function installation(): Installation<'v2', false> {
  return {
    team: { id: TEAM, name: FAKE_DEFAULTS.teamName },
    enterprise: undefined,
    user: { id: FAKE_DEFAULTS.users.alice, token: undefined, scopes: undefined },
    bot: {
      token: 'xoxb-installed',
      scopes: ['chat:write'],
      id: FAKE_DEFAULTS.botId,
      userId: FAKE_DEFAULTS.botUserId,
    },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: FAKE_DEFAULTS.appId,
  };
}

describe('app lifecycle events (F19)', () => {
  const slack = useSlackApp();
  let store: InstallationStore;

  beforeAll(() => {
    store = storageOf(slack.container).slackInstallations;
  });

  it('deletes the stored installation when the app is uninstalled', async () => {
    await store.storeInstallation(installation());
    await expect(store.fetchInstallation(query)).resolves.toMatchObject({ team: { id: TEAM } });
    const response = await slack.event(eventEnvelope({ type: 'app_uninstalled' }, { fake: slack.fake }));
    expect(response.status).toBe(200);
    await expect(store.fetchInstallation(query)).rejects.toThrow('No installation');
  });

  it('keeps the installation when only user tokens are revoked, deletes it when the bot token is', async () => {
    await store.storeInstallation(installation());
    const userOnly = { type: 'tokens_revoked', tokens: { oauth: [FAKE_DEFAULTS.users.alice] } };
    await slack.event(eventEnvelope(userOnly, { fake: slack.fake }));
    await expect(store.fetchInstallation(query)).resolves.toBeDefined();

    const bot = { type: 'tokens_revoked', tokens: { bot: [FAKE_DEFAULTS.botUserId] } };
    await slack.event(eventEnvelope(bot, { fake: slack.fake }));
    await expect(store.fetchInstallation(query)).rejects.toThrow('No installation');
  });

  it('handles a redelivered uninstall once, leaving a reinstall made in between alone', async () => {
    await store.storeInstallation(installation());
    const envelope = eventEnvelope({ type: 'app_uninstalled' }, { fake: slack.fake });
    await slack.event(envelope);
    await store.storeInstallation(installation());
    const retried = await slack.event(envelope, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retried.status).toBe(200);
    await expect(store.fetchInstallation(query)).resolves.toBeDefined();
  });
});
