import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, slackMode } from '../../src/infra/config/env.js';

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
});
