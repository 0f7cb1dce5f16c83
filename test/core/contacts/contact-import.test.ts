import { describe, expect, it } from 'vitest';
import type { ImportRow } from '../../../src/core/contacts/contact-import.js';
import { ErrorCode, ImportFileError } from '../../../src/core/shared/errors.js';
import { readContactCsv } from '../../../src/infra/csv/contact-csv-reader.js';
import { contactWorld, rejectionOf } from '../../support/contact-fixtures.js';
import { ENGINES } from '../../support/engines.js';

async function* rowsOf(records: Record<string, string>[], firstLine = 2): AsyncGenerator<ImportRow> {
  let line = firstLine;
  for (const record of records) yield { line: line++, record };
}

/** Semicolons, a BOM, French headers, a quoted ";" and a quoted line break, Windows line ends. */
const GOLDEN_CSV = [
  '\ufeffID;Prénom;Nom;E-mail;Téléphone;Société;Étiquettes;Adresse;Ville',
  'CRM-1;Marie;Lévy;marie@example.org;06 12 34 56 78;Acme;donor;;Lyon',
  ';Jean;Dupont;JEAN@corp.fr;;;vip;;',
  ';Paul;Martin;paul@x.org;;"Globex; Inc";;"1 Main St',
  'Building B";Paris',
  ';Bob;Ray;bob@;;;;;',
  ';;;nobody@x.org;;;;;',
  ';Paul;Martin;paul@x.org;+33 6 00 00 00 01;;;;',
  '',
].join('\r\n');

describe.each(ENGINES)('contact import on $name', (engine) => {
  const handle = engine.use();
  const world = () => contactWorld(handle);

  async function withExisting() {
    const w = world();
    const t = await w.tenant();
    const marie = await w.contacts.createContact(t.owner, {
      firstName: 'Marie',
      lastName: 'Levy',
      externalId: 'CRM-1',
    });
    const jean = await w.contacts.createContact(t.owner, {
      firstName: 'Jean',
      lastName: 'Dupont',
      emails: ['jean@corp.fr'],
    });
    return { w, ...t, marie, jean };
  }

  it('creates, updates and skips rows of a French CSV, with a reason for each skipped line', async () => {
    const { w, workspace, member, marie, jean } = await withExisting();
    const report = await w.contacts.importContacts(member, readContactCsv(GOLDEN_CSV));
    const paul = report.results[2]!.contactId!;
    expect(report).toEqual({
      created: 1,
      updated: 3,
      skipped: 2,
      results: [
        { line: 2, status: 'updated', contactId: marie.id },
        { line: 3, status: 'updated', contactId: jean.id },
        { line: 4, status: 'created', contactId: paul },
        { line: 6, status: 'skipped', reason: "line 6: invalid email 'bob@'" },
        { line: 7, status: 'skipped', reason: 'line 7: give the contact a first or last name' },
        { line: 8, status: 'updated', contactId: paul },
      ],
    });
    const updatedMarie = await w.repos.contacts.findById(workspace.id, marie.id);
    expect(updatedMarie).toMatchObject({
      firstName: 'Marie',
      lastName: 'Lévy',
      emails: ['marie@example.org'],
      phones: ['06 12 34 56 78'],
      tags: ['donor'],
      address: { city: 'Lyon' },
      createdBy: 'U-owner',
    });
    const acme = await w.repos.organisations.findById(workspace.id, updatedMarie!.organisationId!);
    expect(acme?.name).toBe('Acme');
    expect((await w.repos.contacts.findById(workspace.id, jean.id))?.tags).toEqual(['vip']);
    const created = await w.repos.contacts.findById(workspace.id, paul);
    expect(created).toMatchObject({
      firstName: 'Paul',
      lastName: 'Martin',
      emails: ['paul@x.org'],
      phones: ['+33 6 00 00 00 01'],
      // Contact fields are one line: the quoted line break becomes a space.
      address: { street: '1 Main St Building B', city: 'Paris' },
      createdBy: member.userId,
    });
    const globex = await w.repos.organisations.findById(workspace.id, created!.organisationId!);
    expect(globex?.name).toBe('Globex; Inc');
    expect(await w.repos.contacts.findByEmail(workspace.id, 'bob@')).toEqual([]);
    expect((await w.holdings(workspace.id)).contacts).toBe(3);
    const paulAudit = await w.repos.audit.listForTarget(workspace.id, paul);
    expect(paulAudit.map((entry) => entry.action).sort()).toEqual(['contact.created', 'contact.updated']);
  });

  it('reports exactly the same in a dry run, and writes nothing', async () => {
    const { w, workspace, member, marie, jean } = await withExisting();
    const before = await w.holdings(workspace.id);
    const report = await w.contacts.importContacts(member, readContactCsv(GOLDEN_CSV), { dryRun: true });
    expect(report.results.map(({ line, status }) => [line, status])).toEqual([
      [2, 'updated'],
      [3, 'updated'],
      [4, 'created'],
      [6, 'skipped'],
      [7, 'skipped'],
      [8, 'updated'],
    ]);
    expect(report.results[0]?.contactId).toBe(marie.id);
    expect(report.results[1]?.contactId).toBe(jean.id);
    expect(report.results[2]?.contactId).toBeUndefined();
    expect(await w.holdings(workspace.id)).toEqual(before);
    expect(await w.repos.contacts.findById(workspace.id, marie.id)).toEqual(marie);
  });

  it('gives the same result when the same file is imported twice', async () => {
    const { w, workspace, member } = await withExisting();
    await w.contacts.importContacts(member, readContactCsv(GOLDEN_CSV));
    const holdings = await w.holdings(workspace.id);
    const again = await w.contacts.importContacts(member, readContactCsv(GOLDEN_CSV));
    expect([again.created, again.updated, again.skipped]).toEqual([0, 4, 2]);
    expect(again.results.filter((r) => r.status === 'updated').every((r) => r.reason === 'no changes')).toBe(
      true,
    );
    expect(await w.holdings(workspace.id)).toEqual(holdings);
  });

  it('refuses an unreadable file with its line, importing nothing', async () => {
    const { w, workspace, member } = await withExisting();
    const before = await w.holdings(workspace.id);
    const broken = 'name;email\nAnn Lee;ann@x.org\nBob Ray;"bob@x.org\nCid Roe;cid@x.org\n';
    const error = await rejectionOf(w.contacts.importContacts(member, readContactCsv(broken)));
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error.code).toBe(ErrorCode.ImportInvalidFile);
    expect((error as ImportFileError).line).toBe(3);
    const noName = await rejectionOf(w.contacts.importContacts(member, readContactCsv('email\na@x.org\n')));
    expect(noName.message).toMatch(/^line 1: No name column found/);
    expect(await w.holdings(workspace.id)).toEqual(before);
  });

  it('splits a full name on its last space', async () => {
    const w = world();
    const { workspace, member } = await w.tenant();
    const report = await w.contacts.importContacts(
      member,
      readContactCsv('Full name,Email\nMarie Claire Lévy,mc@x.org\nMadonna,m@x.org\n'),
    );
    const [first, second] = await Promise.all(
      report.results.map((result) => w.repos.contacts.findById(workspace.id, result.contactId!)),
    );
    expect(first).toMatchObject({ firstName: 'Marie Claire', lastName: 'Lévy' });
    expect(second).toMatchObject({ firstName: '', lastName: 'Madonna' });
  });

  it('treats a contact with another external id as another person, even with the same email', async () => {
    const w = world();
    const { workspace, member } = await w.tenant();
    const existing = await w.contacts.createContact(member, {
      lastName: 'Twin',
      emails: ['twin@x.org'],
      externalId: 'A',
    });
    const report = await w.contacts.importContacts(
      member,
      rowsOf([
        { lastName: 'Twin', emails: 'twin@x.org', externalId: 'B' },
        { lastName: 'Twin', emails: 'twin@x.org' },
      ]),
    );
    expect(report.results.map((r) => r.status)).toEqual(['created', 'updated']);
    expect(report.results[0]?.contactId).not.toBe(existing.id);
    expect(report.results[1]?.contactId).toBe(existing.id);
    expect((await w.holdings(workspace.id)).contacts).toBe(2);
  });

  it('skips a row whose merge would pass the per-contact limits, leaving the contact as it was', async () => {
    const w = world();
    const { workspace, member } = await w.tenant();
    const tags = Array.from({ length: 15 }, (_, i) => `t${i}`);
    const existing = await w.contacts.createContact(member, { lastName: 'Tagged', externalId: 'X', tags });
    const report = await w.contacts.importContacts(
      member,
      rowsOf([{ lastName: 'Tagged', externalId: 'X', tags: 'u1;u2;u3;u4;u5;u6' }], 9),
    );
    expect(report.results).toEqual([
      {
        line: 9,
        status: 'skipped',
        reason: 'line 9: together they have 21 tags; a contact has 20 at most. Remove some first',
      },
    ]);
    expect(await w.repos.contacts.findById(workspace.id, existing.id)).toEqual(existing);
  });

  it('processes each row before reading the next one', async () => {
    const w = world();
    const { workspace, member } = await w.tenant();
    const seenBeforeNextRow: number[] = [];
    async function* slowRows(): AsyncGenerator<ImportRow> {
      for (let index = 0; index < 4; index++) {
        seenBeforeNextRow.push((await w.holdings(workspace.id)).contacts);
        yield { line: index + 2, record: { lastName: `Row ${index}` } };
      }
    }
    const report = await w.contacts.importContacts(member, slowRows());
    expect(report.created).toBe(4);
    expect(seenBeforeNextRow).toEqual([0, 1, 2, 3]);
  });

  it('refuses viewers before reading the file', async () => {
    const w = world();
    const { workspace, viewer } = await w.tenant();
    const error = await rejectionOf(w.contacts.importContacts(viewer, rowsOf([{ lastName: 'Nope' }])));
    expect(error.code).toBe(ErrorCode.Forbidden);
    expect((await w.holdings(workspace.id)).contacts).toBe(0);
  });
});
