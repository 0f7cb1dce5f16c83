import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTables } from '../../../src/infra/sqlite/backup.js';
import { cli, fillSqliteStore, recordsOfFile } from './fill-store.js';

describe('db backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-db-backup-'));
  const dataDir = join(dir, 'data');
  const storeFile = join(dataDir, 'interaction-log.sqlite');
  const env = { STORE: 'sqlite', DATA_DIR: dataDir };
  beforeAll(() => fillSqliteStore(dataDir, storeFile));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a copy of the store that opens, passes the integrity check and holds the same rows', async () => {
    const file = join(dir, 'backup-1.sqlite');
    const out = await cli(env, 'db', 'backup', file);
    process.stdout.write(out.stdout);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      `Backed up ${storeFile} -> ${file}: ${statSync(file).size.toLocaleString('en')} bytes.`,
    );
    expect(out.stdout).toMatch(/Check: integrity ok; \d+ tables, [\d,]+ rows \(.*interactions 232/);
    expect(countTables(file)).toEqual(countTables(storeFile));
    expect(await recordsOfFile(file)).toEqual(await recordsOfFile(storeFile));
  });

  it('refuses to replace an existing file unless --force, and leaves it as it was', async () => {
    const file = join(dir, 'precious.sqlite');
    writeFileSync(file, 'keep me');
    const refused = await cli(env, 'db', 'backup', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${file} already exists: choose another file, or add --force to replace it.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');

    const forced = await cli(env, 'db', 'backup', file, '--force');
    expect(forced.code).toBe(0);
    expect(countTables(file)).toEqual(countTables(storeFile));
  });

  it('refuses a missing store, the store itself as FILE, and a missing FILE', async () => {
    const missing = await cli(
      { STORE: 'sqlite', DATA_DIR: join(dir, 'none') },
      'db',
      'backup',
      join(dir, 'b.sqlite'),
    );
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('There is no database file at'),
    });
    const itself = await cli(env, 'db', 'backup', storeFile, '--force');
    expect(itself).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('must not be the database file itself'),
    });
    expect(await cli(env, 'db', 'backup')).toMatchObject({ code: 2 });
  });
});
