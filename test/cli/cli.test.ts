import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { Workspace } from '../../src/core/workspaces/workspace.js';
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

describe('interaction-log CLI', () => {
  const test = useTestDatabase();
  let repos: Repositories;
  let env: NodeJS.ProcessEnv;
  const dir = mkdtempSync(join(tmpdir(), 'interaction-log-cli-'));

  beforeAll(() => {
    repos = repositoriesOf(test.db);
    env = { MONGODB_URI: `${inject('mongoBaseUri')}${test.db.connection.name}`, LOG_LEVEL: 'warn' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    const capture = captureIo(env);
    const code = await runCli(argv, capture.io);
    return { code, stdout: capture.out(), stderr: capture.err() };
  }

  async function cliWorkspace(key: string): Promise<Workspace> {
    const workspace = await repos.workspaces.findByExternalId('cli', key);
    if (!workspace) throw new Error(`no cli workspace ${key}`);
    return workspace;
  }

  function file(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('imports a CSV, reports the bad row by line and reason, and exits with 3', async () => {
    const csv = file(
      'contacts.csv',
      'first name;last name;email;phone;organisation\n' +
        'Élise;Lévy;elise@example.org;06 12 34 56 78;Les Amis\n' +
        'Jean;Dupont;not-an-email;;\n' +
        'Zoé;Bernard;zoe@example.org;;Les Amis\n',
    );
    const result = await cli('import-contacts', csv, '--workspace', 'imports');

    expect(result.code).toBe(3);
    expect(result.stdout).toContain('2 created, 0 updated, 1 skipped');
    expect(result.stderr).toMatch(/line 3: .*email/i);
    const workspace = await cliWorkspace('imports');
    const names = (await repos.contacts.search(workspace.id, '', 10)).map(
      (c) => `${c.firstName} ${c.lastName}`,
    );
    expect(names.sort()).toEqual(['Zoé Bernard', 'Élise Lévy']);
  });

  it('rejects an unreadable CSV with the line of the problem, writing nothing', async () => {
    const csv = file(
      'broken.csv',
      'first name,last name,email\nAna,Silva,ana@example.org\nBob,"Unclosed,bob@example.org\n',
    );
    const result = await cli('import-contacts', csv, '--workspace', 'broken');
    expect(result.code).toBe(1);
    // The reader names the line and the reason (the exact line is the reader's concern).
    expect(result.stderr).toMatch(/line \d+: .*quote/i);
    expect(await repos.workspaces.findByExternalId('cli', 'broken')).toBeNull();
  });

  it('fails clearly on a missing file', async () => {
    const result = await cli('import-contacts', join(dir, 'nope.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file');
  });

  it('seeds a workspace with the requested numbers of contacts and interactions', async () => {
    const result = await cli('seed', '--workspace', 'demo', '--contacts', '25', '--interactions', '180');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('25 contacts, 180 interactions');
    const workspace = await cliWorkspace('demo');
    expect(await repos.interactions.count(workspace.id, {}, new Date())).toBe(180);
    expect(await repos.contacts.search(workspace.id, '', 100)).toHaveLength(25);
  });

  it('exports every interaction to a file, and applies filters', async () => {
    const workspace = await cliWorkspace('demo');
    const out = join(dir, 'all.csv');
    const all = await cli('export', '--workspace', 'demo', '--out', out);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe('');
    expect(all.stderr).toContain('Exported 180 interactions');
    const rows: string[][] = parse(readFileSync(out), { bom: true });
    expect(rows[0]?.slice(0, 7)).toEqual([
      'Created',
      'Contact name',
      'Contact email',
      'Contact phone',
      'Type',
      'Actions performed',
      'Description',
    ]);
    expect(rows).toHaveLength(181);
    expect(existsSync(`${out}.partial`)).toBe(false);

    const visits = await cli('export', '--workspace', 'demo', '--type', 'Visit', '--type', 'Call');
    expect(visits.code).toBe(0);
    const visitRows: string[][] = parse(visits.stdout, { bom: true, from_line: 2 });
    const expected = await repos.interactions.count(workspace.id, { types: ['Visit', 'Call'] }, new Date());
    expect(visitRows).toHaveLength(expected);
    expect(new Set(visitRows.map((row) => row[4]))).toEqual(new Set(['Visit', 'Call']));
  });

  it('exports a day range in the workspace time zone', async () => {
    const result = await cli('export', '--workspace', 'demo', '--from', '2020-01-01', '--to', '2020-01-31');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Exported 0 interactions');
  });

  it('explains bad options and exits with 2', async () => {
    const unknown = await cli('export', '--colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('export --help');
    const badDay = await cli('export', '--workspace', 'demo', '--from', '01/10/2026');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--from must be a day written YYYY-MM-DD');
    const badStatus = await cli('export', '--workspace', 'demo', '--followup', 'later');
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('filter.followUp');
    const badCount = await cli('seed', '--contacts', 'many');
    expect(badCount.code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it.each(['import-contacts', 'export', 'seed'])('prints help for %s', async (command) => {
    const result = await cli(command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: interaction-log ${command}`);
  });
});
