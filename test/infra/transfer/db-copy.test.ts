import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyInProgressMarker } from '../../../src/app/earlier-store-check.js';
import { openStorage } from '../../../src/app/open-storage.js';
import { runCopy } from '../../../src/cli/commands/db-copy.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { connect } from '../../../src/infra/mongo/database.js';
import { MongoTransferStore } from '../../../src/infra/mongo/transfer/mongo-transfer-store.js';
import { openSqliteStore } from '../../../src/infra/sqlite/open-sqlite-store.js';
import { SqliteTransferStore } from '../../../src/infra/sqlite/transfer/sqlite-transfer-store.js';
import { CopyInterrupted, copyStore } from '../../../src/infra/transfer/copy-store.js';
import { TRANSFER_TABLES } from '../../../src/infra/transfer/transfer-tables.js';
import { useTestDatabase } from '../../support/test-database.js';
import { allRecords, cli, fillSqliteStore, recordsOfFile, withJobsTable } from './fill-store.js';

/** One count from a SQLite file, read on a connection of its own. */
function countIn(path: string, sql: string): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return Number(db.prepare(sql).get()?.n ?? 0);
  } finally {
    db.close();
  }
}

const reminderJobs = (path: string) =>
  countIn(path, "SELECT count(*) AS n FROM scheduled_jobs WHERE name = 'send-follow-up-reminder'");
const openFollowUps = (path: string) =>
  countIn(path, "SELECT count(*) AS n FROM interactions WHERE follow_up_status = 'open'");

describe('db copy between SQLite and MongoDB', () => {
  const database = useTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'il-db-copy-'));
  const sourceDir = join(dir, 'source');
  const sourceFile = join(sourceDir, 'interaction-log.sqlite');
  const extraDatabases: string[] = [];

  beforeAll(async () => {
    await fillSqliteStore(sourceDir, sourceFile);
  });

  afterAll(async () => {
    for (const uri of extraDatabases) {
      const db = await connect(uri, { logger: silentLogger });
      await db.connection.dropDatabase();
      await db.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a SQLite file to MongoDB and back: the counts match at both ends and every record is equal', async () => {
    const uri = `${inject('mongoBaseUri')}t_copy_${randomBytes(4).toString('hex')}`;
    extraDatabases.push(uri);
    const env = { STORE: 'sqlite', DATA_DIR: sourceDir };

    const out = await cli(env, 'db', 'copy', '--to', uri, '--batch-size', '50');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^interactions\s+232\s+232\s+232\s+ok$/m);
    expect(out.stdout).toContain('Every table matches at both ends.');

    const backFile = join(dir, 'back', 'copy.sqlite');
    withJobsTable(backFile);
    const back = await cli(
      env,
      'db',
      'copy',
      '--from',
      uri,
      '--to',
      `sqlite:${backFile}`,
      '--batch-size',
      '50',
    );
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(
      /Reminders: scheduled jobs are not copied; \d+ open follow-up reminders were queued/,
    );
    process.stdout.write(`${out.stdout}\n${back.stdout}\n`);

    const original = await recordsOfFile(sourceFile);
    const roundTrip = await recordsOfFile(backFile);
    for (const table of TRANSFER_TABLES) {
      expect(original[table].length, table).toBeGreaterThan(0);
      expect(roundTrip[table], table).toEqual(original[table]);
    }
    // Derived rows are rebuilt by the target: every e-mail row and each workspace's count.
    for (const sql of [
      'SELECT count(*) AS n FROM contact_emails',
      "SELECT n FROM interaction_counts WHERE workspace_id = 'ws-teams'",
      'SELECT sum(n) AS n FROM interaction_counts',
    ]) {
      expect(countIn(backFile, sql), sql).toBe(countIn(sourceFile, sql));
    }
    // Reminders are rebuilt on the target from its open follow-ups, one per interaction.
    expect(openFollowUps(backFile)).toBeGreaterThan(0);
    expect(reminderJobs(backFile)).toBe(openFollowUps(backFile));
    // Derived rows are written by the target as its repositories do: find by e-mail works.
    const store = openSqliteStore({ path: backFile, logger: silentLogger });
    expect(
      (await store.repositories.contacts.findByEmail('ws-teams', 'anais@example.com')).map((c) => c.id),
    ).toEqual(['c-1']);
    await store.close();
  });

  it('finishes an interrupted copy when run again, with no duplicates, on MongoDB and on SQLite', async () => {
    const source = SqliteTransferStore.open(sourceFile, silentLogger);
    // The guarded connection of this file: every command the copy sends must stay in the subset.
    const mongo = new MongoTransferStore(database.db, silentLogger);
    await expect(copyStore(source, mongo, { batchSize: 7, stopAfterBatches: 12 })).rejects.toBeInstanceOf(
      CopyInterrupted,
    );
    const partial = await mongo.count('contacts');
    expect(partial).toBeGreaterThan(0);

    const resumed = await copyStore(source, mongo, { batchSize: 7 });
    expect(resumed.matches).toBe(true);
    const contacts = resumed.tables.find((t) => t.table === 'contacts')!;
    expect(contacts.written).toBe(contacts.source - partial);

    const again = await copyStore(source, mongo, { batchSize: 7 });
    expect(again.matches).toBe(true);
    expect(again.tables.map((t) => t.written)).toEqual(TRANSFER_TABLES.map(() => 0));
    expect(await allRecords(mongo)).toEqual(await allRecords(source));
    await source.close();

    // Into a SQLite file: the app refuses the half-filled file until the copy is run again.
    const targetDir = join(dir, 'resumed');
    const targetFile = join(targetDir, 'interaction-log.sqlite');
    const io = { stdout: process.stdout, stderr: process.stderr, env: {} };
    const from = { kind: 'sqlite', path: sourceFile } as const;
    const to = { kind: 'sqlite', path: targetFile } as const;
    await expect(
      runCopy(from, to, io, silentLogger, { batchSize: 9, stopAfterBatches: 10 }),
    ).rejects.toBeInstanceOf(CopyInterrupted);
    expect(existsSync(copyInProgressMarker(targetFile))).toBe(true);
    await expect(
      openStorage({ STORE: 'sqlite', DATA_DIR: targetDir, MONGODB_URI: undefined }, silentLogger),
    ).rejects.toThrow('did not finish or its counts differed: run the same `interaction-log db copy` again');

    expect(await runCopy(from, to, io, silentLogger, { batchSize: 9 })).toBe(0);
    expect(existsSync(copyInProgressMarker(targetFile))).toBe(false);
    expect(await recordsOfFile(targetFile)).toEqual(await recordsOfFile(sourceFile));
    const opened = await openStorage(
      { STORE: 'sqlite', DATA_DIR: targetDir, MONGODB_URI: undefined },
      silentLogger,
    );
    await opened.close();
  });

  it('reports a mismatch and exits 1 when the target already holds other data', async () => {
    const otherDir = join(dir, 'other');
    await fillSqliteStore(otherDir, join(otherDir, 'interaction-log.sqlite'));
    const into = join(otherDir, 'interaction-log.sqlite');
    // Same ids, so most records are "already there"; the seeded workspace differs by key.
    const out = await cli({ STORE: 'sqlite', DATA_DIR: sourceDir }, 'db', 'copy', '--to', `sqlite:${into}`);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('MISMATCH');
    expect(out.stderr).toContain('the counts differ');
    expect(existsSync(copyInProgressMarker(into))).toBe(true);
  });

  it('refuses bad endpoints without writing anything', async () => {
    const env = { STORE: 'sqlite', DATA_DIR: sourceDir };
    const missing = join(dir, 'nowhere.sqlite');
    expect(await cli(env, 'db', 'copy', '--from', missing, '--to', join(dir, 'x.sqlite'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`There is no SQLite file at ${missing}`),
    });
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
    expect(await cli(env, 'db', 'copy', '--to', 'postgres://x')).toMatchObject({ code: 2 });
    expect(await cli(env, 'db', 'copy', '--to', sourceFile)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the same store'),
    });
  });
});
