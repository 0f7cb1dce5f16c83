import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/app/open-storage.js';
import { HEALTH_PROBE_MS } from './support/outage-stores.js';

const MAIN = resolve('src/main.ts');
const FROM_SOURCES = resolve('test/outage/support/ts-resolve.mjs');
/** Starting the app from its sources transpiles a few hundred files: slow on a busy machine. */
const START_BUDGET_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Settles when the app logs that it listens (pino writes one JSON object a line). */
function listening(app: ChildProcess): Promise<void> {
  return new Promise((done, fail) => {
    let seen = '';
    app.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('"msg":"Listening"')) done();
    });
    app.once('exit', (code) => fail(new Error(`The app exited with ${code} before listening: ${seen}`)));
  });
}

/**
 * The built-in store is in-process: when its file is deleted under the running app, the app
 * cannot make it good again, so it exits non-zero with one line for a supervisor to restart it.
 * Run as `npm start` runs it (src/main.ts), with no chat platform configured.
 */
describe('the SQLite file deleted under the running app', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'il-store-lost-'));
  let app: ChildProcess | undefined;
  afterAll(() => {
    if (app?.exitCode === null) app.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'answers /healthz 503 inside its probe, then exits with code 1 and one line saying why',
    async () => {
      const port = await freePort();
      app = spawn(process.execPath, ['--import', FROM_SOURCES, MAIN], {
        cwd: dataDir,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      app.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<number | null>((done) => app?.once('exit', (code) => done(code)));
      await listening(app);
      const health = () =>
        fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(HEALTH_PROBE_MS) });
      // No probe before the delete: a ping's answer may be reused for up to a second, and the
      // first probe after it must be a fresh one.
      unlinkSync(join(dataDir, SQLITE_FILE_NAME));
      expect((await health()).status).toBe(503);
      expect(await exited).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /was deleted while the app was running\. Exiting so the app can be started again\./,
      );
    },
    START_BUDGET_MS,
  );
});
