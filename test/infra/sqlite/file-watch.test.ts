import { chmodSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { StoreUnreachableError } from '../../../src/core/shared/store-unreachable.js';
import { openSqlite, type SqliteDatabase } from '../../../src/infra/sqlite/database.js';
import { SqliteFileWatch } from '../../../src/infra/sqlite/file-watch.js';
import { guardSqliteRepositories } from '../../../src/infra/sqlite/outage.js';
import { SqliteWorkspaceRepository } from '../../../src/infra/sqlite/repositories/workspace.repository.js';
import { makeWorkspace } from '../../support/fixtures.js';

/**
 * Reads no longer stat the database file on every call (a syscall a read, twice the cost of the
 * cheapest count): writes always do, reads trust the file's watch and look again after
 * `recheckMs` on the injected clock. Each case fails if its half of the detection is removed.
 */
describe('the SQLite file watch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-file-watch-'));
  const opened: { database: SqliteDatabase; file: SqliteFileWatch }[] = [];
  afterEach(() => {
    for (const { database, file } of opened.splice(0)) {
      file.close();
      database.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let files = 0;
  /** A store file with one workspace, its repository behind the outage guard, on a clock of our own. */
  async function open(watch: { watch: boolean; onUnusable?: (reason: string) => void }) {
    const path = join(dir, `store-${++files}.sqlite`);
    const database = openSqlite({ path, logger: silentLogger });
    const clock = { ms: 1_000_000 };
    const file = new SqliteFileWatch(path, { now: () => clock.ms, recheckMs: 1_000, ...watch });
    opened.push({ database, file });
    const lost: string[] = [];
    const { workspaces } = guardSqliteRepositories(
      { workspaces: new SqliteWorkspaceRepository(database) },
      { database, file, onFileUnusable: (reason) => lost.push(reason) },
    );
    const workspace = await workspaces.insertOrGet(makeWorkspace());
    return { path, clock, file, workspaces, workspace, lost };
  }

  it('refuses a write right after the file is deleted, before any event or recheck', async () => {
    const { path, file, workspaces, workspace, lost } = await open({ watch: true });
    await workspaces.findById(workspace.id);
    // No event can tell, and the clock stands still: only the write's own look can.
    file.close();
    unlinkSync(path);
    const write = workspaces.updateSettings(workspace.id, { timezone: 'Europe/Paris' }, new Date());
    await expect(write).rejects.toBeInstanceOf(StoreUnreachableError);
    expect(lost).toEqual([expect.stringContaining('was deleted')]);
  });

  it('without a watch (none could be set up), every read looks at the file as before', async () => {
    const { path, workspaces, workspace, lost } = await open({ watch: false });
    // Without a watch every call looks at the file: no read answers from a deleted file.
    unlinkSync(path);
    await expect(workspaces.findById(workspace.id)).rejects.toBeInstanceOf(StoreUnreachableError);
    expect(lost).toHaveLength(1);
  });

  it('with a watch, reads inside the recheck window skip the stat; once due they refuse', async () => {
    const { path, clock, file, workspaces, workspace, lost } = await open({ watch: true });
    await workspaces.findById(workspace.id);
    // Stop the watch so only the clock can tell: the read inside the window still answers…
    file.close();
    unlinkSync(path);
    clock.ms += 999;
    expect((await workspaces.findById(workspace.id))?.id).toBe(workspace.id);
    expect(lost).toEqual([]);
    // …and the first read once the window has passed looks, and refuses.
    clock.ms += 1;
    await expect(workspaces.findById(workspace.id)).rejects.toBeInstanceOf(StoreUnreachableError);
    expect(lost).toEqual([expect.stringContaining('was deleted')]);
  });

  it('hears the file deleted at once, with no call and no clock moving, and reads then refuse', async () => {
    let heard: (reason: string) => void = () => {};
    const event = new Promise<string>((resolve) => {
      heard = resolve;
    });
    const { path, workspaces, workspace } = await open({
      watch: true,
      onUnusable: (reason) => heard(reason),
    });
    await workspaces.findById(workspace.id);
    unlinkSync(path);
    expect(await event).toContain('was deleted');
    await expect(workspaces.findById(workspace.id)).rejects.toBeInstanceOf(StoreUnreachableError);
  });

  it('hears the file replaced by a rename over it', async () => {
    let heard: (reason: string) => void = () => {};
    const event = new Promise<string>((resolve) => {
      heard = resolve;
    });
    const { path } = await open({ watch: true, onUnusable: (reason) => heard(reason) });
    const impostor = join(dir, 'impostor.sqlite');
    writeFileSync(impostor, '');
    renameSync(impostor, path);
    expect(await event).toContain('was replaced');
  });

  it('hears the file made unwritable, and not the -wal file changing on every write', async () => {
    const reasons: string[] = [];
    let heard: (reason: string) => void = () => {};
    const event = new Promise<string>((resolve) => {
      heard = resolve;
    });
    const { path, workspaces, workspace } = await open({
      watch: true,
      onUnusable: (reason) => {
        reasons.push(reason);
        heard(reason);
      },
    });
    await workspaces.updateSettings(workspace.id, { timezone: 'Europe/Paris' }, new Date());
    chmodSync(path, 0o000);
    try {
      // root reads and writes whatever the bits say: then the file is still usable, and no
      // event may have called it lost.
      if (process.getuid?.() === 0) {
        expect(await workspaces.findById(workspace.id)).not.toBeNull();
        expect(reasons).toEqual([]);
      } else {
        expect(await event).toContain('can no longer be read and written');
      }
    } finally {
      chmodSync(path, 0o644);
    }
  });
});
