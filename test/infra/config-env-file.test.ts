import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ENV_MODULE = pathToFileURL(resolve('src/infra/config/env.ts')).href;

/**
 * Runs the start-up config loader in a fresh Node process (process.loadEnvFile changes the
 * process's own environment) in `cwd`, with exactly `env`, and returns what it printed.
 */
function startUpConfig(cwd: string, env: Record<string, string>) {
  const script = `
    const { loadStartupConfig } = await import(${JSON.stringify(ENV_MODULE)});
    try {
      const config = loadStartupConfig();
      console.log(JSON.stringify({ PORT: config.PORT, LOG_LEVEL: config.LOG_LEVEL, MONGODB_URI: config.MONGODB_URI ?? null, DATA_DIR: config.DATA_DIR }));
    } catch (error) {
      console.log(JSON.stringify({ error: error.message }));
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim()) as Record<string, unknown>;
}

describe('.env at start-up', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'interaction-log-env-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads .env from the working directory, the environment winning over the file', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.env'),
      '# copied from .env.example\nPORT=4321\nLOG_LEVEL=debug\nMONGODB_URI=mongodb://from-file:27017/db\nDATA_DIR=./file-data\n',
    );
    const config = startUpConfig(dir, { LOG_LEVEL: 'warn', MONGODB_URI: '' });
    expect(config).toEqual({
      PORT: 4321,
      DATA_DIR: './file-data',
      // Set in the environment: the file does not replace it, not even an empty value.
      LOG_LEVEL: 'warn',
      MONGODB_URI: null,
    });
  });

  it('starts on the environment alone when there is no .env', () => {
    const config = startUpConfig(tempDir(), { PORT: '3999' });
    expect(config).toEqual({ PORT: 3999, LOG_LEVEL: 'info', MONGODB_URI: null, DATA_DIR: './data' });
  });

  it('stops with one line naming the file when .env cannot be read', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.env'));
    expect(startUpConfig(dir, {}).error).toMatch(/^Invalid configuration: cannot read \.env /);
  });

  it('stops with one line naming a bad variable that came from .env', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'PORT=abc\n');
    expect(startUpConfig(dir, {}).error).toMatch(/^Invalid configuration: PORT /);
  });
});
