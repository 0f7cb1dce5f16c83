import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Gives each test a temp directory of its own (os.tmpdir() reads TMPDIR on every call), so a
 * test asserting "no spooled file left behind" never sees another test file's uploads.
 * Call at describe level; `left()` lists what the code under test left there.
 */
export function usePrivateTmpdir(prefix = 'il-test-tmp-') {
  const handle = { dir: '', left: () => readdir(handle.dir) };
  let previous: string | undefined;
  beforeEach(async () => {
    handle.dir = await mkdtemp(join(tmpdir(), prefix));
    previous = process.env.TMPDIR;
    process.env.TMPDIR = handle.dir;
  });
  afterEach(async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(handle.dir, { recursive: true, force: true });
  });
  return handle;
}
