import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

/** The admin CLI on the built-in SQLite store (STORE=sqlite, no MONGODB_URI): seed, then export. */
describe('interaction-log CLI on the SQLite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'il-cli-sqlite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function cli(...argv: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
    stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
    const code = await runCli(argv, {
      stdout,
      stderr,
      env: { STORE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('seeds a workspace into one file under DATA_DIR and exports it, filters included', async () => {
    const seeded = await cli('seed', '--workspace', 'demo', '--contacts', '25', '--interactions', '180');
    expect(seeded).toMatchObject({ code: 0 });
    expect(seeded.stdout).toContain('25 contacts, 180 interactions');

    const out = join(dataDir, 'all.csv');
    const all = await cli('export', '--workspace', 'demo', '--out', out);
    expect(all.code).toBe(0);
    expect(all.stderr).toContain('Exported 180 interactions');
    expect(parse(readFileSync(out), { bom: true })).toHaveLength(181);

    const visits = await cli('export', '--workspace', 'demo', '--type', 'Visit');
    const rows: string[][] = parse(visits.stdout, { bom: true, from_line: 2 });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['Visit']));
  });
});
