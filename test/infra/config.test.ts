import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, slackMode, teamsMode } from '../../src/infra/config/env.js';

describe('configuration', () => {
  it('applies defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ DATA_DIR: './data', PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('treats empty values as unset (blank lines copied from .env.example)', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).MONGODB_URI).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT /],
    [{ MONGODB_URI: 'http://db' }, /^Invalid configuration: MONGODB_URI /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL /],
    [{ SLACK_BOT_TOKEN: 'xoxp-user' }, /^Invalid configuration: SLACK_BOT_TOKEN must be a bot token/],
    [{ SLACK_API_URL: 'not a url' }, /^Invalid configuration: SLACK_API_URL /],
  ])('stops with one line naming the bad variable: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('runs without Slack and names what is missing', () => {
    const mode = slackMode(loadConfig({}));
    expect(mode.kind).toBe('off');
  });

  it('recognises one workspace, OAuth and Socket Mode', () => {
    const secret = { SLACK_SIGNING_SECRET: 'secret-123456' };
    expect(slackMode(loadConfig({ ...secret, SLACK_BOT_TOKEN: 'xoxb-1' }))).toEqual({
      kind: 'single-workspace',
      socketMode: false,
    });
    expect(
      slackMode(
        loadConfig({
          ...secret,
          SLACK_CLIENT_ID: 'id',
          SLACK_CLIENT_SECRET: 's',
          SLACK_STATE_SECRET: 'state-secret',
        }),
      ),
    ).toEqual({ kind: 'oauth', socketMode: false });
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual({
      kind: 'single-workspace',
      socketMode: true,
    });
  });

  it('refuses half a Slack set-up, naming what is missing', () => {
    expect(() => slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() =>
      slackMode(loadConfig({ SLACK_SIGNING_SECRET: 'secret-123456', SLACK_CLIENT_ID: 'id' })),
    ).toThrow(/SLACK_CLIENT_SECRET, SLACK_STATE_SECRET must be set/);
  });

  describe('Teams', () => {
    const id = '11111111-2222-4333-8444-555555555555';
    const tenant = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

    it('is off when no Teams variable is set, so a Slack-only process serves no /api/messages', () => {
      expect(teamsMode(loadConfig({}))).toEqual({ kind: 'off' });
    });

    it('reads a multi-tenant and a single-tenant bot', () => {
      expect(teamsMode(loadConfig({ TEAMS_CLIENT_ID: id, TEAMS_CLIENT_SECRET: 's' }))).toEqual({
        kind: 'on',
        clientId: id,
        clientSecret: 's',
        allowUnauthenticated: false,
      });
      const single = teamsMode(
        loadConfig({ TEAMS_CLIENT_ID: id, TEAMS_CLIENT_SECRET: 's', TEAMS_TENANT_ID: tenant }),
      );
      expect(single).toMatchObject({ kind: 'on', tenantId: tenant });
    });

    it('refuses half a set-up and ids that are not GUIDs', () => {
      expect(() => teamsMode(loadConfig({ TEAMS_CLIENT_ID: id }))).toThrow(/TEAMS_CLIENT_SECRET is required/);
      expect(() => teamsMode(loadConfig({ TEAMS_CLIENT_SECRET: 's' }))).toThrow(
        /TEAMS_CLIENT_ID is required/,
      );
      expect(() => teamsMode(loadConfig({ TEAMS_TENANT_ID: tenant }))).toThrow(/TEAMS_CLIENT_ID is not/);
      expect(() => loadConfig({ TEAMS_CLIENT_ID: 'my-bot' })).toThrow(/TEAMS_CLIENT_ID must be/);
    });

    it('allows the unauthenticated test mode only when NODE_ENV says development or test', () => {
      for (const nodeEnv of ['development', 'test', 'Development', ' TEST ']) {
        const testMode = teamsMode(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: nodeEnv }));
        expect(testMode).toEqual({ kind: 'on', allowUnauthenticated: true });
      }
      expect(() => loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'yes' })).toThrow(/must be true or false/);
    });

    it('refuses the unauthenticated test mode for any other NODE_ENV, however production is spelled', () => {
      for (const nodeEnv of ['production', 'Production', 'production ', 'PRODUCTION', 'staging', 'prod']) {
        expect(() =>
          teamsMode(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: nodeEnv })),
        ).toThrow(/TEAMS_ALLOW_UNAUTHENTICATED=true needs NODE_ENV=development/);
      }
      // Unset is not an opt-in either: the Playground instructions set NODE_ENV=development.
      expect(() => teamsMode(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }))).toThrow(
        /NODE_ENV is unset/,
      );
    });
  });
});
