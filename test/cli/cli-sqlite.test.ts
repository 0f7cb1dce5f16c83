import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { openSqliteStore } from '../../src/infra/sqlite/open-sqlite-store.js';

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

  it("fills a Slack team's and a Teams tenant's own workspace, with events of several contacts and follow-ups", async () => {
    const slack = await cli('seed', '--slack-team', 'T0SEED', '--contacts', '200', '--interactions', '3000');
    expect(slack).toMatchObject({ code: 0 });
    expect(slack.stdout).toContain(
      'Seeded Slack team T0SEED: 200 contacts, 3,000 interactions, 5 organisations',
    );
    expect(slack.stderr).toContain('3,000 / 3,000 interactions');
    const teams = await cli(
      'seed',
      '--teams-tenant',
      'tenant-seed',
      '--contacts',
      '40',
      '--interactions',
      '50',
    );
    expect(teams).toMatchObject({ code: 0 });

    const store = openSqliteStore({ path: join(dataDir, 'interaction-log.sqlite'), logger: silentLogger });
    try {
      const team = await store.repositories.workspaces.findByExternalId('slack', 'T0SEED');
      const tenant = await store.repositories.workspaces.findByExternalId('teams', 'tenant-seed');
      expect(team && tenant).toBeTruthy();
      const now = new Date();
      const interactions = store.repositories.interactions;
      expect(await interactions.count(team?.id ?? '', {}, now)).toBe(3000);
      expect(await interactions.count(tenant?.id ?? '', {}, now)).toBe(50);
      const rows = store.database.all(
        'SELECT event_id, count(*) AS n, max(follow_up_status IS NOT NULL) AS f FROM interactions WHERE workspace_id = ? GROUP BY event_id',
        team?.id ?? '',
      );
      const multi = rows.filter((row) => Number(row.n) > 1).length;
      const withFollowUp = rows.filter((row) => Number(row.f) === 1).length;
      expect(multi / rows.length).toBeGreaterThan(0.05);
      expect(withFollowUp / rows.length).toBeGreaterThan(0.05);
      expect(withFollowUp / rows.length).toBeLessThan(0.15);
    } finally {
      await store.close();
    }
  });

  it('refuses two targets at once, or a Slack id that is not one, and writes nothing', async () => {
    const both = await cli('seed', '--slack-team', 'T0BOTH', '--teams-tenant', 'x', '--contacts', '5');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give only one of --workspace, --slack-team and --teams-tenant.');
    const bad = await cli('seed', '--slack-team', 'not-a-team', '--contacts', '5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--slack-team must be a Slack team id');
    const store = openSqliteStore({ path: join(dataDir, 'interaction-log.sqlite'), logger: silentLogger });
    try {
      expect(await store.repositories.workspaces.findByExternalId('slack', 'T0BOTH')).toBeNull();
      expect(await store.repositories.workspaces.findByExternalId('slack', 'not-a-team')).toBeNull();
    } finally {
      await store.close();
    }
  });
});
