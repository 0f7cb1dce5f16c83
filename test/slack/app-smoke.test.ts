import { describe, expect, it } from 'vitest';
import { signRequest } from './fake-slack/index.js';
import { SIGNING_SECRET, useSlackApp } from './support/slack-app.js';

describe('the Slack app over HTTP', () => {
  const slack = useSlackApp();

  it('refuses a request with a bad signature', async () => {
    const body = 'command=%2Finteraction&text=help';
    const headers = signRequest('not-the-secret-at-all', body);
    const response = await fetch(slack.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(401);
  });

  it('refuses a correctly signed request with a stale timestamp', async () => {
    const body = 'command=%2Finteraction&text=help';
    const staleSeconds = Math.floor(Date.now() / 1000) - 6 * 60;
    const headers = signRequest(SIGNING_SECRET, body, staleSeconds);
    const response = await fetch(slack.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(401);
  });
});
