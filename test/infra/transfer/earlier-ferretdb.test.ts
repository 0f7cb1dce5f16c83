import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedFerretdbFile, MOVE_COMMAND } from '../../../src/app/earlier-store-check.js';
import { openStorage } from '../../../src/app/open-storage.js';
import { type Logger, silentLogger } from '../../../src/core/shared/ports.js';
import { openDatabase } from '../../../src/infra/mongo/database.js';
import { MongoTransferStore } from '../../../src/infra/mongo/transfer/mongo-transfer-store.js';
import { SqliteTransferStore } from '../../../src/infra/sqlite/transfer/sqlite-transfer-store.js';
import { copyStore } from '../../../src/infra/transfer/copy-store.js';
import { cli, fillSqliteStore, recordsOfFile } from './fill-store.js';

/**
 * A DATA_DIR left by an earlier version, whose embedded FerretDB (the real binary, started on
 * that directory as the app did) holds the data: the SQLite store refuses to start on it with
 * the command to run, the command moves everything, and the store then starts with it.
 */
describe('a DATA_DIR holding the embedded FerretDB database of an earlier version', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-earlier-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start empty beside it, names the command, and starts with the data once it has run', async () => {
    // The earlier version's data: written through its embedded FerretDB under DATA_DIR.
    const sourceFile = join(dir, 'seed', 'interaction-log.sqlite');
    await fillSqliteStore(join(dir, 'seed'), sourceFile);
    const earlier = await openDatabase({ dataDir, logger: silentLogger });
    const source = SqliteTransferStore.open(sourceFile, silentLogger);
    expect((await copyStore(source, new MongoTransferStore(earlier, silentLogger))).matches).toBe(true);
    await source.close();
    await earlier.close();
    expect(existsSync(embeddedFerretdbFile(dataDir))).toBe(true);

    const config = { STORE: 'sqlite' as const, DATA_DIR: dataDir, MONGODB_URI: undefined };
    const refusal = await openStorage(config, silentLogger).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toContain(`\`${MOVE_COMMAND}\``);
    expect(refusal).toContain('STORE=ferretdb');
    expect(refusal).not.toContain('\n');
    // Nothing was created beside the old data.
    expect(existsSync(join(dataDir, 'interaction-log.sqlite'))).toBe(false);
    const cliRefusal = await cli(
      { STORE: 'sqlite', DATA_DIR: dataDir },
      'export',
      '--workspace',
      'copy-demo',
    );
    expect(cliRefusal.code).toBe(1);
    expect(cliRefusal.stderr).toContain(MOVE_COMMAND);

    const moved = await cli({ STORE: 'sqlite', DATA_DIR: dataDir }, 'db', 'copy', '--from-embedded-ferretdb');
    process.stdout.write(moved.stdout);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(
      `Copying ferretdb:${dataDir} -> sqlite:${join(dataDir, 'interaction-log.sqlite')}`,
    );
    expect(moved.stdout).toContain('Every table matches at both ends.');
    expect(await recordsOfFile(join(dataDir, 'interaction-log.sqlite'))).toEqual(
      await recordsOfFile(sourceFile),
    );

    // Start-up proceeds now, and still says the old files are there and unused.
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    const storage = await openStorage(config, logger);
    expect(await storage.repositories.contacts.findById('ws-teams', 'c-1')).toMatchObject({
      lastName: 'Lévy',
    });
    await storage.close();
    expect(warnings).toEqual([expect.stringContaining('still holds the embedded FerretDB database')]);
  });

  it('says there is nothing to move when DATA_DIR holds no FerretDB database', async () => {
    const empty = join(dir, 'empty');
    const out = await cli({ STORE: 'sqlite', DATA_DIR: empty }, 'db', 'copy', '--from-embedded-ferretdb');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('There is no embedded FerretDB database under');
    expect(existsSync(join(empty, 'interaction-log.sqlite'))).toBe(false);
  });
});
