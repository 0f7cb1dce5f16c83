import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/app/container.js';
import { SQLITE_FILE_NAME } from '../../src/app/open-storage.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { openSqliteStore } from '../../src/infra/sqlite/open-sqlite-store.js';
import {
  FAKE_DEFAULTS,
  type FakeSlack,
  sendSlashCommand,
  startFakeSlack,
} from '../slack/fake-slack/index.js';
import { findingsOf } from './campaign.js';
import { type ChildApp, ensureBuilt, freePort, startChildApp } from './child-app.js';
import type { Exchange } from './verdicts.js';

const GENERAL = FAKE_DEFAULTS.channels.general;
const ALICE = FAKE_DEFAULTS.users.alice;

/** Waits for another process to do something; the test's own timeout bounds it. */
async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A line only the help message has. */
const HELP_LINE = 'Show this help.';
const SECRET = 'kill-test-signing-secret-0123';
const ROUNDS = 3;

/**
 * The process dies after the write committed and before its reply reached Slack (the fake cuts
 * the reply and we SIGKILL the app as it arrives). A supervisor restarts it; Slack's redelivery
 * carries the same trigger_id. Nothing may be lost, nothing duplicated, and the person answered.
 */
describe('the app killed between write and reply (npm start, default SQLite store)', () => {
  let dataDir = '';
  let fake: FakeSlack;
  let port = 0;
  let app: ChildApp | undefined;

  const start = async () => {
    app = await startChildApp({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: String(port),
      WORKER: 'off',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
      SLACK_API_URL: fake.url,
    });
  };
  const described = (description: string) => {
    const store = openSqliteStore({ path: join(dataDir, SQLITE_FILE_NAME), logger: silentLogger });
    const row = store.database.db
      .prepare('SELECT count(*) AS n FROM interactions WHERE description = ?')
      .get(description) as { n: number };
    void store.close();
    return Number(row.n);
  };

  beforeAll(async () => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'il-kill-'));
    fake = await startFakeSlack();
    port = await freePort();
    const storage = openSqliteStore({ path: join(dataDir, SQLITE_FILE_NAME), logger: silentLogger });
    const container = createContainer(storage, { logger: silentLogger });
    const workspace = await container.workspaces.resolveWorkspace({
      platform: 'slack',
      externalId: FAKE_DEFAULTS.teamId,
    });
    const alice = await container.workspaces.resolveActor({
      workspace,
      userId: FAKE_DEFAULTS.users.alice,
      displayName: 'alice',
      facts: { platformAdmin: true },
    });
    await container.contacts.createContact(alice, { firstName: 'Yael', lastName: 'Cohen' });
    await storage.close();
    await start();
  }, 300_000);
  afterAll(async () => {
    app?.process.kill('SIGKILL');
    await app?.exited;
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps exactly one interaction per request over ${ROUNDS} crashes, and answers the redelivery`, {
    timeout: 120_000,
  }, async () => {
    const findings = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const description = `crash probe ${round} ${Date.now()}`;
      const fields = {
        command: '/interaction',
        text: `log Cohen Call "${description}"`,
        user_id: FAKE_DEFAULTS.users.alice,
        channel_id: FAKE_DEFAULTS.channels.general,
        trigger_id: `crash.trigger.${round}.${Date.now()}`,
        response_url: fake.responseUrl(FAKE_DEFAULTS.channels.general, FAKE_DEFAULTS.users.alice),
      };
      const running = app;
      if (!running) throw new Error('the app is not running');
      const kill = () => {
        fake.cancelDrops();
        running.process.kill('SIGKILL');
      };
      for (const method of ['response_url', 'chat.postEphemeral', 'chat.postMessage'])
        fake.dropNext(method, kill);
      await sendSlashCommand(`${running.url}/slack/events`, SECRET, fields).catch(() => undefined);
      expect(await running.exited).toBe('SIGKILL');
      // The write had committed: the reply is only sent after it.
      expect(described(description), 'rows after the crash').toBe(1);

      await start();
      const callsBefore = fake.calls.length;
      const redelivered = await sendSlashCommand(`${app?.url}/slack/events`, SECRET, fields, {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
      // The app acks first and answers after: a help command sent next is answered after the
      // redelivery's own handler ran (one lookup), so its reply marks the end of the wait.
      const probe = {
        ...fields,
        text: 'help',
        trigger_id: `${fields.trigger_id}.probe`,
        response_url: fake.responseUrl(GENERAL, ALICE),
      };
      await sendSlashCommand(`${app?.url}/slack/events`, SECRET, probe);
      const isHelp = (call: { args: unknown }) => JSON.stringify(call.args).includes(HELP_LINE);
      await waitFor(() => fake.calls.slice(callsBefore).some(isHelp));
      const replies = fake.calls
        .slice(callsBefore)
        .filter((call) => /^(chat\.|response_url$)/.test(call.method) && !isHelp(call));
      const exchange: Exchange = {
        platform: 'slack',
        surface: 'command',
        inputClass: 'command:redelivered-after-kill',
        seed: round,
        sent: fields.text,
        status: redelivered.status,
        replies: replies.map((call) => JSON.stringify(call.args)),
        answered:
          replies.some((call) => call.ok) ||
          (typeof redelivered.body === 'object' && redelivered.body !== null),
        invalidMessages: [],
        rowsWritten: 0,
        duplicateRows: described(description) - 1,
      };
      findings.push(...findingsOf(exchange));
    }
    console.log(JSON.stringify({ crashes: ROUNDS, findings }, null, 2));
    expect(findings.filter((finding) => !finding.knownGap)).toEqual([]);
  });
});
