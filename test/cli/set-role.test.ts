import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Workspace } from '../../src/core/workspaces/workspace.js';
import { defaultSettings } from '../../src/core/workspaces/workspace.js';
import { type Repositories, repositoriesOf } from '../core/exports/fixtures.js';
import { useTestDatabase } from '../support/test-database.js';

function captureIo(env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  return { io: { stdout, stderr, env }, out: () => out.join(''), err: () => err.join('') };
}

/**
 * A Slack workspace set up before roles came from Slack: its only owner is whoever typed first.
 * Its real admin takes over with the admin CLI.
 */
describe('interaction-log set-role', () => {
  const test = useTestDatabase();
  let repos: Repositories;
  let env: NodeJS.ProcessEnv;
  let workspace: Workspace;
  const at = new Date('2026-01-05T09:00:00.000Z');

  beforeAll(async () => {
    repos = repositoriesOf(test.db);
    env = { MONGODB_URI: `${inject('mongoBaseUri')}${test.db.connection.name}`, LOG_LEVEL: 'warn' };
    workspace = await repos.workspaces.insertOrGet({
      id: 'ws-legacy',
      platform: 'slack',
      externalId: 'T-LEGACY',
      name: 'legacy',
      settings: defaultSettings(),
      createdAt: at,
      updatedAt: at,
    });
    const member = (userId: string, role: 'owner' | 'member', displayName: string) =>
      repos.members.insertOrGet({
        workspaceId: workspace.id,
        userId,
        role,
        displayName,
        createdAt: at,
        updatedAt: at,
      });
    await member('U-FIRST', 'owner', 'First Comer'); // made owner by the old first-come rule
    await member('U-ADMIN', 'member', 'Real Admin');
  });

  async function cli(...argv: string[]) {
    const capture = captureIo(env);
    const code = await runCli(argv, capture.io);
    return { code, stdout: capture.out(), stderr: capture.err() };
  }

  const roleOf = async (userId: string) => (await repos.members.find(workspace.id, userId))?.role;

  it('hands the workspace to its real admin, then demotes the first comer', async () => {
    const promote = await cli(
      'set-role',
      '--platform',
      'slack',
      '--workspace',
      'T-LEGACY',
      '--user',
      'U-ADMIN',
      '--role',
      'owner',
    );
    expect(promote).toMatchObject({ code: 0, stderr: '' });
    expect(promote.stdout).toContain('Real Admin (U-ADMIN) is now owner in slack T-LEGACY.');
    const demote = await cli(
      'set-role',
      '--platform',
      'slack',
      '-w',
      'T-LEGACY',
      '-u',
      'U-FIRST',
      '-r',
      'member',
    );
    expect(demote.code).toBe(0);
    expect(await roleOf('U-ADMIN')).toBe('owner');
    expect(await roleOf('U-FIRST')).toBe('member');
  });

  it('refuses to demote the last owner, and a person who never used the app, changing nothing', async () => {
    const last = await cli(
      'set-role',
      '--platform',
      'slack',
      '-w',
      'T-LEGACY',
      '-u',
      'U-ADMIN',
      '-r',
      'member',
    );
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('the only workspace admin');
    const stranger = await cli(
      'set-role',
      '--platform',
      'slack',
      '-w',
      'T-LEGACY',
      '-u',
      'U-NOBODY',
      '-r',
      'owner',
    );
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('has not used the app yet');
    expect(await roleOf('U-ADMIN')).toBe('owner');
    expect(await repos.members.find(workspace.id, 'U-NOBODY')).toBeNull();
  });

  it('names an unknown workspace and bad options', async () => {
    const unknown = await cli(
      'set-role',
      '--platform',
      'slack',
      '-w',
      'T-NOPE',
      '-u',
      'U-ADMIN',
      '-r',
      'owner',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No slack workspace "T-NOPE"');
    const bad = await cli('set-role', '--platform', 'irc', '-w', 'T-LEGACY', '-u', 'U-ADMIN', '-r', 'owner');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--platform must be slack or teams');
  });
});
