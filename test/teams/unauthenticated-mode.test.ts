import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/app/container.js';
import { startTeams } from '../../src/app/start-teams.js';
import type { Logger } from '../../src/core/shared/ports.js';
import { loadConfig, teamsMode } from '../../src/infra/config/env.js';
import { openSqliteStore, type SqliteStorage } from '../../src/infra/sqlite/open-sqlite-store.js';
import { fakeBotToken } from './fake-connector/index.js';

const BOT_APP_ID = '11111111-2222-4333-8444-555555555555';

/** Records the warnings a start-up writes, as an operator reading the log would see them. */
function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (message) => warnings.push(message) };
  return { logger, warnings };
}

describe('starting Teams without request authentication', () => {
  let dir = '';
  let storage: SqliteStorage;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'il-teams-unauth-'));
    storage = openSqliteStore({ path: join(dir, 'store.sqlite'), logger: recordingLogger().logger });
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>) {
    const mode = teamsMode(loadConfig(env));
    if (mode.kind !== 'on') throw new Error('Teams should be on');
    const { logger, warnings } = recordingLogger();
    await startTeams({
      mode,
      expressApp: express(),
      container: createContainer(storage, { logger }),
      publicUrl: 'http://localhost:3000',
      token: () => fakeBotToken(BOT_APP_ID),
    });
    return warnings;
  }

  it('announces on every start that anyone can post to /api/messages', async () => {
    const env = { TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'development' };
    for (const warnings of [await start(env), await start(env)]) {
      expect(warnings.filter((line) => line.includes('WITHOUT request authentication'))).toHaveLength(1);
      expect(warnings.join('\n')).toContain('TEAMS_ALLOW_UNAUTHENTICATED=true');
    }
  });

  it('says nothing of the kind when requests are verified', async () => {
    const warnings = await start({ TEAMS_CLIENT_ID: BOT_APP_ID, TEAMS_CLIENT_SECRET: 'secret' });
    expect(warnings.join('\n')).not.toContain('WITHOUT request authentication');
  });
});
