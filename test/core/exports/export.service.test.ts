import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExportService, ExportAbandonedError } from '../../../src/core/exports/export.service.js';
import { ErrorCode, ValidationError } from '../../../src/core/shared/errors.js';
import { foldForSearch } from '../../../src/core/shared/text.js';
import type { Workspace, WorkspaceSettings } from '../../../src/core/workspaces/workspace.js';
import { createCsvEncoder } from '../../../src/infra/csv/csv-encoder.js';
import { ENGINES } from '../../support/engines.js';
import {
  actorOf,
  addContact,
  createWorkspace,
  fixedClock,
  interactionFor,
  type Repositories,
  readAll,
  repositoriesOf,
} from './fixtures.js';

const HEADER =
  'Created,Contact name,Contact email,Contact phone,Type,Actions performed,Description,' +
  'Occurred,Author,Importance,Follow-up due,Follow-up status,Organisation,Address';

describe.each(ENGINES)('exportInteractions on $name', (engine) => {
  const test = engine.use();
  let repos: Repositories;
  const clock = fixedClock('2026-03-15T12:00:00Z');

  beforeAll(() => {
    repos = repositoriesOf(test.storage);
  });

  function service(options: { batchSize?: number; cacheSize?: number } = {}) {
    return createExportService({ ...repos, csv: createCsvEncoder(), clock, ...options });
  }

  async function exportRows(workspace: Workspace, filter: object = {}, role: 'viewer' | 'member' = 'member') {
    const result = await service().exportInteractions(actorOf(workspace, role), { filter });
    const text = await readAll(result.stream);
    const rows: string[][] = parse(text, { bom: true });
    return { result, text, header: rows[0], rows: rows.slice(1) };
  }

  async function workspaceWithOneContact(settings: Partial<WorkspaceSettings> = {}) {
    const workspace = await createWorkspace(repos, settings);
    const contact = await addContact(repos, workspace, { firstName: 'Élise', lastName: 'Lévy' });
    return { workspace, contact };
  }

  it('writes the exact header and a golden row, with a BOM for spreadsheets', async () => {
    const workspace = await createWorkspace(repos);
    const organisation = await repos.organisations.insertOrGet({
      id: 'org-golden',
      workspaceId: workspace.id,
      name: 'Les Amis du Quartier',
      nameKey: foldForSearch('Les Amis du Quartier'),
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const contact = await addContact(repos, workspace, {
      firstName: 'Élise',
      lastName: 'Lévy',
      emails: ['elise@example.org'],
      phones: ['06 12 34 56 78'],
      organisationId: organisation.id,
    });
    await repos.interactions.insertMany([
      interactionFor(workspace, contact, {
        type: 'Visit',
        actions: ['Discussion', 'To call back'],
        description: 'Talked about the "spring fair", call back',
        occurredAt: new Date('2026-03-10T08:30:00Z'),
        createdAt: new Date('2026-03-10T09:05:00Z'),
        important: true,
        followUp: { dueAt: new Date('2026-03-20T14:00:00Z'), assigneeId: 'U1', status: 'open' },
        visitAddress: '12 rue Haute, 75004 Paris',
      }),
    ]);

    const { result, text } = await exportRows(workspace);

    expect(text).toBe(
      `\ufeff${HEADER}\n` +
        '10/03/2026 09:05,Élise Lévy,elise@example.org,06 12 34 56 78,Visit,"Discussion, To call back",' +
        '"Talked about the ""spring fair"", call back",10/03/2026 08:30,Alice Martin,High,20/03/2026 14:00,' +
        'Open,Les Amis du Quartier,"12 rue Haute, 75004 Paris"\n',
    );
    await expect(result.done).resolves.toBe(1);
    expect(result.rowCount()).toBe(1);
    expect(result.filename).toBe('interactions-2026-03-15.csv');
  });

  it.each([
    ['Europe/Paris', '01/07/2026 12:00', '15/01/2026 11:00'],
    ['America/New_York', '01/07/2026 06:00', '15/01/2026 05:00'],
  ])('shows dates on the %s wall clock, summer and winter', async (timezone, summer, winter) => {
    const { workspace, contact } = await workspaceWithOneContact({ timezone });
    await repos.interactions.insertMany([
      interactionFor(workspace, contact, { createdAt: new Date('2026-01-15T10:00:00Z') }),
      interactionFor(workspace, contact, { createdAt: new Date('2026-07-01T10:00:00Z') }),
    ]);
    const { rows } = await exportRows(workspace);
    expect(rows.map((row) => row[0]).sort()).toEqual([summer, winter].sort());
  });

  it('uses the workspace date format, including patterns with text and month names', async () => {
    const { workspace, contact } = await workspaceWithOneContact({
      timezone: 'Europe/Paris',
      dateFormat: "d MMM yyyy 'at' h:mm a",
    });
    await repos.interactions.insertMany([
      interactionFor(workspace, contact, {
        createdAt: new Date('2026-10-25T13:07:00Z'),
        occurredAt: new Date('2026-10-25T00:30:00Z'),
      }),
    ]);
    const { rows } = await exportRows(workspace);
    expect(rows[0]?.[0]).toBe('25 Oct 2026 at 2:07 PM');
    expect(rows[0]?.[7]).toBe('25 Oct 2026 at 2:30 AM');
  });

  it('quotes commas, quotes and line breaks so every cell reads back unchanged', async () => {
    const { workspace, contact } = await workspaceWithOneContact();
    const description = 'First line, with a comma\nSecond "quoted" line\r\nThird; line';
    await repos.interactions.insertMany([
      interactionFor(workspace, contact, { description, actions: ['Agreed, finally', 'Said "no"'] }),
    ]);
    const { rows } = await exportRows(workspace);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[6]).toBe(description);
    expect(rows[0]?.[5]).toBe('Agreed, finally, Said "no"');
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    const workspace = await createWorkspace(repos);
    const contact = await addContact(repos, workspace, {
      firstName: '=HYPERLINK("http://evil.example")',
      lastName: '',
      phones: ['+33 6 12 34 56 78'],
    });
    const descriptions = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', 'plain = text'];
    await repos.interactions.insertMany(
      descriptions.map((description, index) =>
        interactionFor(workspace, contact, {
          description,
          type: '@Visit',
          occurredAt: new Date(Date.UTC(2026, 2, 1, index)),
        }),
      ),
    );
    const { rows } = await exportRows(workspace);
    expect(rows.map((row) => row[6])).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\tTAB",
      "'\rCR",
      'plain = text',
    ]);
    for (const row of rows) {
      expect(row[1]).toBe('\'=HYPERLINK("http://evil.example")');
      expect(row[3]).toBe("'+33 6 12 34 56 78");
      expect(row[4]).toBe("'@Visit");
    }
  });

  it('exports every matching row, not one page, with each row joined to its own contact', async () => {
    const workspace = await createWorkspace(repos);
    const contacts = await Promise.all(
      Array.from({ length: 120 }, (_, index) =>
        addContact(repos, workspace, {
          firstName: `First${index}`,
          lastName: `Last${index}`,
          emails: [`person${index}@example.org`],
        }),
      ),
    );
    const interactions = Array.from({ length: 1234 }, (_, index) =>
      interactionFor(workspace, contacts[(index * 7) % contacts.length]!, {
        occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
      }),
    );
    await repos.interactions.insertMany(interactions);

    // Small batches and a cache smaller than the contact list: lookups evict and reload.
    const result = await service({ batchSize: 50, cacheSize: 60 }).exportInteractions(actorOf(workspace), {});
    const rows: string[][] = parse(await readAll(result.stream), { bom: true, from_line: 2 });

    expect(rows).toHaveLength(1234);
    await expect(result.done).resolves.toBe(1234);
    for (const row of rows) {
      const index = row[1]!.replace(/^First(\d+) Last\d+$/, '$1');
      expect(row[2]).toBe(`person${index}@example.org`);
    }
  });

  it('applies the filters: dates, types, actions, importance, follow-up status and text', async () => {
    const { workspace, contact } = await workspaceWithOneContact();
    const other = await addContact(repos, workspace, { firstName: 'Jean', lastName: 'Dupont' });
    const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10));
    await repos.interactions.insertMany([
      interactionFor(workspace, contact, { description: 'a', type: 'Visit', occurredAt: at(1) }),
      interactionFor(workspace, contact, {
        description: 'b',
        type: 'Call',
        actions: ['Donated'],
        occurredAt: at(2),
      }),
      interactionFor(workspace, other, {
        description: 'c',
        type: 'Visit',
        important: true,
        occurredAt: at(3),
      }),
      interactionFor(workspace, other, {
        description: 'd café',
        occurredAt: at(4),
        followUp: { dueAt: at(5), assigneeId: 'U1', status: 'open' },
      }),
    ]);
    const descriptions = async (filter: object) =>
      (await exportRows(workspace, filter)).rows.map((row) => row[6]);

    expect(await descriptions({})).toEqual(['a', 'b', 'c', 'd café']);
    expect(await descriptions({ types: ['Visit'] })).toEqual(['a', 'c']);
    expect(await descriptions({ actions: ['Donated'] })).toEqual(['b']);
    expect(await descriptions({ importantOnly: true })).toEqual(['c']);
    expect(await descriptions({ followUp: 'overdue' })).toEqual(['d café']);
    expect(await descriptions({ from: at(2).toISOString(), to: at(4).toISOString() })).toEqual(['b', 'c']);
    expect(await descriptions({ contactText: 'levy' })).toEqual(['a', 'b']);
    expect(await descriptions({ text: 'CAFE' })).toEqual(['d café']);
  });

  it('lets viewers export, since exporting only reads', async () => {
    const { workspace, contact } = await workspaceWithOneContact();
    await repos.interactions.insertMany([interactionFor(workspace, contact)]);
    const { rows } = await exportRows(workspace, {}, 'viewer');
    expect(rows).toHaveLength(1);
  });

  it('never includes another workspace’s interactions', async () => {
    const mine = await workspaceWithOneContact();
    const theirs = await workspaceWithOneContact();
    await repos.interactions.insertMany([
      interactionFor(mine.workspace, mine.contact, { description: 'mine' }),
      interactionFor(theirs.workspace, theirs.contact, { description: 'theirs' }),
    ]);
    // Even when the filter names the other tenant's contact explicitly.
    const { rows } = await exportRows(mine.workspace, {});
    const { rows: sneaky } = await exportRows(mine.workspace, { contactIds: [theirs.contact.id] });
    expect(rows.map((row) => row[6])).toEqual(['mine']);
    expect(sneaky).toEqual([]);
  });

  it('rejects bad filters with a message on the field, before reading anything', async () => {
    const { workspace } = await workspaceWithOneContact();
    const attempt = service().exportInteractions(actorOf(workspace), {
      filter: { from: '2026-03-10T00:00:00Z', to: '2026-03-01T00:00:00Z' },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: { 'filter.to': expect.any(String) },
    });
  });

  it('reports an export abandoned half-way through its completion promise', async () => {
    const { workspace, contact } = await workspaceWithOneContact();
    await repos.interactions.insertMany(
      Array.from({ length: 30 }, (_, index) =>
        interactionFor(workspace, contact, { occurredAt: new Date(Date.UTC(2026, 0, 1, index)) }),
      ),
    );
    const exporter = createExportService({ ...repos, csv: createCsvEncoder({ chunkSize: 10 }), clock });
    const result = await exporter.exportInteractions(actorOf(workspace), {});
    for await (const _chunk of result.stream) break;
    await expect(result.done).rejects.toBeInstanceOf(ExportAbandonedError);
  });

  it('names the file after the exported period in the workspace time zone', async () => {
    const { workspace } = await workspaceWithOneContact({ timezone: 'Europe/Paris' });
    const result = await service().exportInteractions(actorOf(workspace), {
      filter: { from: '2026-10-18T22:00:00Z', to: '2026-10-25T23:00:00Z' },
    });
    expect(result.filename).toBe('interactions-2026-10-19_2026-10-25.csv');
    await readAll(result.stream);
  });
});
