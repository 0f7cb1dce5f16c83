import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer, storageOf } from '../../src/app/container.js';
import { type OpenedScheduling, openScheduling } from '../../src/app/open-scheduling.js';
import { openStorage, SQLITE_FILE_NAME } from '../../src/app/open-storage.js';
import { slackSenders, startChatScheduling } from '../../src/app/start-scheduling.js';
import type { Scheduling } from '../../src/app/worker.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { type AppConfig, slackMode } from '../../src/infra/config/env.js';
import { openSqliteStore } from '../../src/infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../../src/infra/storage.js';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../slack/fake-slack/index.js';
import { makeClock, seedContact } from '../support/fixtures.js';
import { storedJobs } from './support/sqlite-jobs-file.js';
import { eventually, seedSlackTenant } from './support/world.js';

/**
 * What main.ts does with no MONGODB_URI and no STORE: the store is the SQLite file under
 * DATA_DIR, the jobs run on the SQLite runner in that file, and a follow-up reminder reaches
 * Slack through the real worker (startChatScheduling, the Slack senders) — nothing of MongoDB.
 */
describe('the default store runs scheduled work', () => {
  const clock = makeClock(new Date('2026-11-16T09:00:00.000Z'));
  let dataDir: string;
  let fake: FakeSlack;
  let storage: Storage;
  let scheduling: OpenedScheduling;
  let worker: Scheduling | undefined;
  let config: AppConfig;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'il-default-store-'));
    fake = await startFakeSlack();
    config = {
      DATA_DIR: dataDir,
      PORT: 0,
      LOG_LEVEL: 'silent',
      WORKER: 'on',
      TEAMS_ALLOW_UNAUTHENTICATED: false,
      SLACK_SIGNING_SECRET: 'default-store-signing-secret',
      SLACK_BOT_TOKEN: FAKE_DEFAULTS.token,
      SLACK_API_URL: fake.url,
    };
    storage = await openStorage(config, silentLogger);
    // The runner's clock is the test's: its repeating dispatch comes due when the test moves it.
    scheduling = openScheduling(storage, { logger: silentLogger, clock, pollEveryMs: 50 });
  });
  afterAll(async () => {
    await worker?.stop();
    await scheduling?.close();
    await storage?.close();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Reminder rows in the file, read through a connection of the test's own. */
  function queuedReminders(): number {
    const reader = new DatabaseSync(join(dataDir, SQLITE_FILE_NAME), { readOnly: true });
    try {
      return storedJobs(reader, 'send-follow-up-reminder').length;
    } finally {
      reader.close();
    }
  }

  it('keeps data and jobs in one SQLite file under DATA_DIR and sends a due reminder DM once', async () => {
    expect(storage.engine).toBe('sqlite');
    expect(storage.description).toContain(join(dataDir, SQLITE_FILE_NAME));

    const container = createContainer(storage, {
      logger: silentLogger,
      clock,
      scheduler: scheduling.scheduler,
    });
    const slack = slackMode(config);
    if (slack.kind === 'off') throw new Error('Slack is configured in this test');
    worker = await startChatScheduling(
      config,
      container,
      scheduling,
      { slack: slackSenders(config, slack, container) },
      silentLogger,
    );
    expect(worker).toBeDefined();

    const tenant = await seedSlackTenant(container);
    const contact = await seedContact(storageOf(container).repositories, tenant.workspace.id, {
      firstName: 'Élise',
      lastName: 'Lévy',
    });
    const dueAt = new Date(clock.now().getTime() + 60_000);
    const logged = await container.interactions.logInteraction(tenant.alice, {
      idempotencyKey: 'default-store-reminder',
      contactIds: [contact.id],
      type: 'Call',
      description: 'Promised the winter list',
      followUp: { dueAt, assigneeId: FAKE_DEFAULTS.users.bob },
    });
    expect(logged.interactions).toHaveLength(1);

    // The reminder is queued in the same file, as a row of the jobs table.
    expect(queuedReminders()).toBe(1);
    expect(fake.messages(FAKE_DEFAULTS.users.bob)).toHaveLength(0);

    // Past the due time (and the dispatcher's next run): the worker sends it.
    clock.advance(2 * 60_000);
    const [message] = await eventually(() => {
      const messages = fake.messages(FAKE_DEFAULTS.users.bob);
      return messages.length > 0 ? messages : undefined;
    });
    expect(message?.text).toContain('Follow-up reminder: Élise Lévy');
    expect(JSON.stringify(message?.blocks)).toContain('Promised the winter list');
    // Handled: its job is gone, and it was sent once.
    await eventually(() => queuedReminders() === 0);
    expect(fake.messages(FAKE_DEFAULTS.users.bob)).toHaveLength(1);
  });

  it('refuses to run jobs on a :memory: store, whose jobs no second connection would see', async () => {
    const memory = openSqliteStore({ path: ':memory:', logger: silentLogger });
    try {
      expect(() => openScheduling(memory, { logger: silentLogger })).toThrow(/need the store on a file/);
    } finally {
      await memory.close();
    }
  });
});
