import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../src/app/open-storage.js';
import { runCli } from '../../../src/cli/run.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { openSqlite, SqliteStoreError } from '../../../src/infra/sqlite/database.js';
import { MIGRATIONS } from '../../../src/infra/sqlite/migrations.js';

/** Each way the SQLite file can refuse to open: one line a person can act on, and the file untouched. */
describe('opening the SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-sqlite-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const open =
    (path: string, busyTimeoutMs = 5_000) =>
    () =>
      openSqlite({ path, logger: silentLogger, busyTimeoutMs });

  it('creates the schema at the code’s version, and opens an up-to-date file without changing it', () => {
    const path = join(dir, 'fresh', 'store.sqlite');
    open(path)().close();
    const modified = statSync(path).mtimeMs;
    const database = open(path)();
    expect(database.db.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length });
    expect(database.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    database.close();
    expect(statSync(path).mtimeMs).toBe(modified);
  });

  it('says DATA_DIR cannot be created when a file stands in its way', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    expect(open(join(blocker, 'data', 'store.sqlite'))).toThrow(SqliteStoreError);
    expect(open(join(blocker, 'data', 'store.sqlite'))).toThrow(
      /Cannot create the data directory .*set DATA_DIR/,
    );
  });

  it('refuses a file that is not a SQLite database and leaves it as it was', () => {
    const path = join(dir, 'garbage.sqlite');
    const bytes = Buffer.from('these are not the pages of a SQLite database\n'.repeat(200));
    writeFileSync(path, bytes);
    expect(open(path)).toThrow(/is not a SQLite database or is damaged; it was left as it is/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a file from a newer version of the app and leaves it as it was', () => {
    const path = join(dir, 'newer.sqlite');
    open(path)().close();
    const newer = new DatabaseSync(path);
    newer.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const before = readFileSync(path);
    expect(open(path)).toThrow(/has schema version \d+, newer than this version of the app knows/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('says the file is locked when another process holds it past the busy timeout', () => {
    const path = join(dir, 'locked.sqlite');
    const holder = new DatabaseSync(path);
    holder.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE held (x);');
    try {
      expect(open(path, 50)).toThrow(/is locked by another process/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('stops a CLI command with one line and exit code 1 on a damaged file', async () => {
    const dataDir = join(dir, 'cli-data');
    open(join(dataDir, 'unused.sqlite'))().close();
    writeFileSync(join(dataDir, SQLITE_FILE_NAME), 'damaged'.repeat(1000));
    const stderr = new PassThrough();
    const err: string[] = [];
    stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    const code = await runCli(['export', '--workspace', 'x'], {
      stdout: new PassThrough(),
      stderr,
      env: { STORE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    expect(code).toBe(1);
    expect(err.join('').trim().split('\n')).toEqual([
      expect.stringMatching(/^error: The database file .* is not a SQLite database/),
    ]);
  });
});
