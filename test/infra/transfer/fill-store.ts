import { PassThrough } from 'node:stream';
import type { Installation } from '@slack/oauth';
import { runCli } from '../../../src/cli/run.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { defaultSettings } from '../../../src/core/workspaces/workspace.js';
import { jobTablesDdl } from '../../../src/infra/sqlite/jobs/schema.js';
import { openSqliteStore } from '../../../src/infra/sqlite/open-sqlite-store.js';
import { SqliteTransferStore } from '../../../src/infra/sqlite/transfer/sqlite-transfer-store.js';
import {
  type TableName,
  TRANSFER_TABLES,
  type TransferStore,
} from '../../../src/infra/transfer/transfer-tables.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The admin CLI in-process, with its own streams and environment. */
export async function cli(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await runCli(argv, { stdout, stderr, env: { LOG_LEVEL: 'warn', ...env } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const at = (iso: string) => new Date(iso);

/**
 * Makes sure the file has the scheduler's table. The app's schema steps add it once the
 * SQLite scheduler ships in the migrations; until then the test creates it as the jobs tests do.
 */
export function withJobsTable(path: string): void {
  const store = openSqliteStore({ path, logger: silentLogger });
  const exists = store.database.get(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'scheduled_jobs'",
  );
  if (!exists) for (const statement of jobTablesDdl) store.database.db.exec(statement);
  store.database.close();
}

/**
 * A SQLite store holding something in every table: the CLI's seeded workspace (organisations,
 * contacts, a year of interactions with open and done follow-ups), plus a collective log (one
 * event, two contacts), members, audit entries, claims, deliveries in every state, Teams
 * conversation references and a Slack installation.
 */
export async function fillSqliteStore(dataDir: string, path: string): Promise<void> {
  const seeded = await cli(
    { STORE: 'sqlite', DATA_DIR: dataDir },
    'seed',
    '--workspace',
    'copy-demo',
    '--contacts',
    '40',
    '--interactions',
    '230',
  );
  if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const store = openSqliteStore({ path, logger: silentLogger });
  const { repositories } = store;
  const workspace = await repositories.workspaces.insertOrGet({
    id: 'ws-teams',
    platform: 'teams',
    externalId: 'tenant-1',
    name: 'Équipe Lévy',
    settings: { ...defaultSettings(), report: { enabled: true, channelId: 'C1', weekday: 1, time: '09:00' } },
    createdAt: at('2026-01-02T10:00:00Z'),
    updatedAt: at('2026-01-03T10:00:00Z'),
  });
  await repositories.members.insertOrGet({
    workspaceId: workspace.id,
    userId: 'u-owner',
    role: 'owner',
    displayName: 'Zoë Owner',
    timezone: 'Europe/Paris',
    platformAdmin: true,
    guest: false,
    profileCheckedAt: at('2026-01-05T08:00:00Z'),
    createdAt: at('2026-01-02T10:00:00Z'),
    updatedAt: at('2026-01-05T08:00:00Z'),
  });
  await repositories.members.insertOrGet({
    workspaceId: workspace.id,
    userId: 'u-new',
    role: 'viewer',
    displayName: 'New Person',
    provisional: true,
    createdAt: at('2026-01-06T10:00:00Z'),
    updatedAt: at('2026-01-06T10:00:00Z'),
  });
  const organisation = await repositories.organisations.insertOrGet({
    id: 'org-1',
    workspaceId: workspace.id,
    name: 'Müller AG',
    nameKey: 'muller ag',
    createdAt: at('2026-01-02T11:00:00Z'),
  });
  for (const [id, first, last, emails] of [
    ['c-1', 'Anaïs', 'Lévy', ['Anais@Example.com', 'anais@levy.fr']],
    ['c-2', 'Bo', 'Ng', ['bo@example.com']],
  ] as const) {
    await repositories.contacts.insert({
      id,
      workspaceId: workspace.id,
      firstName: first,
      lastName: last,
      emails: [...emails],
      phones: ['+33 1 23 45 67 89'],
      address: { city: 'Lyon', country: 'FR' },
      organisationId: organisation.id,
      tags: ['vip'],
      ...(id === 'c-1' ? { externalId: 'crm-1' } : {}),
      searchText: `${first} ${last}`.toLowerCase(),
      createdAt: at('2026-01-03T09:00:00Z'),
      updatedAt: at('2026-01-03T09:00:00Z'),
      createdBy: 'u-owner',
    });
  }
  const event = (contactId: string, contactName: string): Interaction => ({
    id: `i-${contactId}`,
    workspaceId: workspace.id,
    eventId: 'event-1',
    contactId,
    contactName,
    organisationId: organisation.id,
    type: 'Visit',
    actions: ['Demo'],
    description: 'Visite à Lyon, café compris',
    occurredAt: at('2026-02-01T14:00:00Z'),
    createdAt: at('2026-02-01T15:00:00Z'),
    updatedAt: at('2026-02-01T15:00:00Z'),
    authorId: 'u-owner',
    authorName: 'Zoë Owner',
    important: true,
    followUp: {
      dueAt: at('2030-03-01T09:00:00Z'),
      assigneeId: 'u-owner',
      status: 'open',
      snoozedUntil: at('2030-03-02T09:00:00Z'),
    },
    visitAddress: '1 place Bellecour, Lyon',
    direction: 'outbound',
    channel: 'in_person',
    attachments: [{ name: 'notes.pdf', mimeType: 'application/pdf', size: 1234, url: 'https://files/x' }],
    source: { kind: 'manual', link: 'https://teams/msg/1' },
    idempotencyKey: `submission-1:${contactId}`,
  });
  await repositories.interactions.insertMany([event('c-1', 'Anaïs Lévy'), event('c-2', 'Bo Ng')]);
  await repositories.audit.insertMany([
    {
      id: 'a-1',
      workspaceId: workspace.id,
      actorId: 'u-owner',
      action: 'interaction.created',
      targetId: 'i-c-1',
      at: at('2026-02-01T15:00:00Z'),
      after: '{"description":"Visite"}',
    },
    {
      id: 'a-2',
      workspaceId: workspace.id,
      actorId: 'u-owner',
      action: 'interaction.updated',
      targetId: 'i-c-1',
      at: at('2026-02-02T15:00:00Z'),
      before: '{"important":false}',
      after: '{"important":true}',
    },
  ]);
  await repositories.claims.claim('weekly-report', '2026-W05', workspace.id, at('2026-02-02T09:00:00Z'));
  await repositories.claims.claim('export-lock', 'u-owner', workspace.id, at('2026-02-03T09:00:00Z'));
  const pending = (key: string) => ({
    id: `reminder|${workspace.id}|${key}`,
    kind: 'reminder' as const,
    workspaceId: workspace.id,
    key,
    target: 'u-owner',
    status: 'sending' as const,
    attempt: 1,
    nextAttemptAt: at('2026-02-05T09:05:00Z'),
    request: '{"text":"Rappel"}',
    createdAt: at('2026-02-05T09:00:00Z'),
    updatedAt: at('2026-02-05T09:00:00Z'),
  });
  await store.deliveries.claimMany([pending('r-1'), pending('r-2'), pending('r-3')]);
  await store.deliveries.claimAttempts([pending('r-2').id], 2, at('2026-02-05T09:10:00Z'));
  await store.deliveries.finish([
    { ...pending('r-1'), status: 'sent', at: at('2026-02-05T09:01:00Z'), late: false, ref: 'D1:1700.01' },
    {
      ...pending('r-3'),
      status: 'failed',
      at: at('2026-02-05T09:02:00Z'),
      reason: 'Blocked',
      permanent: true,
    },
  ]);
  await store.deliveries.firstSeen(workspace.id, 'report-schedule', at('2026-01-10T09:00:00Z'));
  await store.conversationRefs.save({
    workspaceId: workspace.id,
    kind: 'personal',
    conversationId: 'a:1',
    serviceUrl: 'https://smba.example/emea/',
    userId: 'u-owner',
    platformUserId: '29:abc',
    name: 'Zoë Owner',
    updatedAt: at('2026-01-05T08:00:00Z'),
  });
  await store.conversationRefs.save({
    workspaceId: workspace.id,
    kind: 'channel',
    conversationId: '19:chan@thread.tacv2',
    serviceUrl: 'https://smba.example/emea/',
    updatedAt: at('2026-01-05T08:00:00Z'),
  });
  const installation: Installation<'v2', false> = {
    team: { id: 'T1', name: 'Acme' },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UB1', token: 'xoxb-test', scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
  await store.slackInstallations.storeInstallation(installation);
  await store.close();
}

/** Every record of every table, read through the transfer format (for comparing two stores). */
export async function allRecords(store: TransferStore): Promise<Record<TableName, unknown[]>> {
  const result = {} as Record<TableName, unknown[]>;
  for (const table of TRANSFER_TABLES) {
    const records: unknown[] = [];
    let after: string | null = null;
    do {
      const batch: { records: unknown[]; next: string | null } = await store.read(table, after, 500);
      records.push(...batch.records);
      after = batch.next;
    } while (after !== null);
    result[table] = records;
  }
  return result;
}

export async function recordsOfFile(path: string): Promise<Record<TableName, unknown[]>> {
  const store = SqliteTransferStore.open(path, silentLogger);
  try {
    return await allRecords(store);
  } finally {
    await store.close();
  }
}
