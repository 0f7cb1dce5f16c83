import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ImportRow } from '../../../src/core/contacts/contact-import.js';
import { ErrorCode, ImportFileError } from '../../../src/core/shared/errors.js';
import { readContactCsv } from '../../../src/infra/csv/contact-csv-reader.js';

async function rows(input: Readable | string): Promise<ImportRow[]> {
  const collected: ImportRow[] = [];
  for await (const row of readContactCsv(input)) collected.push(row);
  return collected;
}

async function fileError(input: Readable | string): Promise<ImportFileError> {
  try {
    await rows(input);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

/** A stream handing over the bytes in small pieces, splitting multi-byte characters. */
function trickle(bytes: Buffer, size = 5): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces);
}

describe('readContactCsv', () => {
  it('maps English headers onto import fields, with the line each row starts on', async () => {
    const csv =
      'First Name,Last Name,Email,Phone,Company,Tags,External ID\nMarie,Lévy,marie@x.org,0612345678,Acme,a;b,C-1\n';
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        record: {
          firstName: 'Marie',
          lastName: 'Lévy',
          emails: 'marie@x.org',
          phones: '0612345678',
          organisation: 'Acme',
          tags: 'a;b',
          externalId: 'C-1',
        },
      },
    ]);
  });

  it('reads a semicolon file with a BOM and French headers, whatever their case and accents', async () => {
    const csv =
      '\ufeffPRÉNOM;nom;E-mail;Téléphone;Société;Adresse;Code postal;Ville;Pays\r\n' +
      'Élodie;Durand;elodie@x.fr;01 02 03 04 05;Mairie;3 rue Haute;75001;Paris;France\r\n';
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        record: {
          firstName: 'Élodie',
          lastName: 'Durand',
          emails: 'elodie@x.fr',
          phones: '01 02 03 04 05',
          organisation: 'Mairie',
          street: '3 rue Haute',
          postalCode: '75001',
          city: 'Paris',
          country: 'France',
        },
      },
    ]);
  });

  it('keeps quoted delimiters and line breaks inside values, and counts lines from the file', async () => {
    const csv = [
      'name,organisation,street',
      '"Paul Martin","Globex, Inc","1 Main St',
      'Building B"',
      '',
      'Ann Lee,"Say ""hi""",',
    ].join('\n');
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        record: { fullName: 'Paul Martin', organisation: 'Globex, Inc', street: '1 Main St\nBuilding B' },
      },
      { line: 5, record: { fullName: 'Ann Lee', organisation: 'Say "hi"' } },
    ]);
  });

  it('joins several phone, email or tag columns, and skips rows with nothing in them', async () => {
    const csv =
      'Given name;Surname;Phone 1;Mobile;E-mail;Emails 2;Notes\nAnn;Lee;0102030405;0607080910;a@x.org;b@x.org;ignored\n;;;;;;\n';
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        record: {
          firstName: 'Ann',
          lastName: 'Lee',
          phones: '0102030405;0607080910',
          emails: 'a@x.org;b@x.org',
        },
      },
    ]);
  });

  it('reads a stream delivered in pieces that split accented characters', async () => {
    const csv = 'prénom;nom;ville\nRené;Lévêque;Montréal\nZoé;Ça;Orléans\n';
    expect(await rows(trickle(Buffer.from(csv, 'utf8')))).toEqual(await rows(csv));
  });

  it('reads a Windows-1252 file as older Excel versions save it', async () => {
    const latin1 = Buffer.from('Prénom;Nom\nRené;Lévêque\n', 'latin1');
    expect(await rows(Readable.from([latin1]))).toEqual([
      { line: 2, record: { firstName: 'René', lastName: 'Lévêque' } },
    ]);
  });

  it('refuses an unclosed quote, naming the line where it opens, before handing out any row', async () => {
    const csv = 'name,email\nAnn Lee,a@x.org\nBob Ray,"b@x.org\nCid Roe,c@x.org\n';
    const seen: number[] = [];
    const error = await (async () => {
      try {
        for await (const row of readContactCsv(csv)) seen.push(row.line);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe(ErrorCode.ImportInvalidFile);
    expect((error as ImportFileError).line).toBe(3);
    expect((error as ImportFileError).message).toMatch(/^line 3: .*never closed/);
    expect(seen).toEqual([]);
  });

  it('counts lines the same in a Windows (CRLF) file, even with line breaks inside values', async () => {
    const csv = 'name;street\r\n"Ann Lee";"1 Main St\r\nBuilding B"\r\n\r\nBob Ray;2 High St\r\n';
    expect(await rows(trickle(Buffer.from(csv), 3))).toEqual([
      { line: 2, record: { fullName: 'Ann Lee', street: '1 Main St\nBuilding B' } },
      { line: 5, record: { fullName: 'Bob Ray', street: '2 High St' } },
    ]);
  });

  it.each([
    ['LF with a final line break', 'name,email\nAnn Lee,a@x.org\n\nBob Ray,"b@x.org\nCid Roe,c@x.org\n'],
    ['LF without a final line break', 'name,email\nAnn Lee,a@x.org\n\nBob Ray,"b@x.org\nCid Roe,c@x.org'],
    ['CRLF', 'name,email\r\n"Ann\r\nLee",a@x.org\r\nBob Ray,"b@x.org\r\nCid Roe,c@x.org\r\n'],
  ])('names the line an unclosed quote opens on (%s)', async (_what, csv) => {
    expect((await fileError(csv)).line).toBe(4);
  });

  it('refuses an empty file', async () => {
    for (const empty of ['', '\ufeff', '\n\n']) {
      const error = await fileError(empty);
      expect(error.line).toBe(1);
      expect(error.message).toMatch(/empty/);
    }
  });

  it('refuses a header without a name column, listing the columns it understands', async () => {
    const error = await fileError('email;phone\na@x.org;0102030405\n');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/No name column found \(the header has: email, phone\)/);
    expect(error.message).toMatch(/first name \/ prénom, last name \/ nom, name \/ full name/);
  });

  it('says so when the first line is a contact rather than a header', async () => {
    const error = await fileError('Marie,Lévy,marie@x.org\nPaul,Martin,paul@x.org\n');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/looks like a contact/);
  });

  it('refuses a spreadsheet saved in a binary format', async () => {
    const error = await fileError(Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a])]));
    expect(error.message).toMatch(/not a CSV file/);
  });
});
