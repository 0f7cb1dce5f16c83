import { type Actor, assertCanWrite } from '../shared/actor.js';
import { isDomainError, ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/zod.js';
import { type Contact, contactDisplayName } from './contact.js';
import { type ContactFieldsInput, createContactSchema, importOptionsSchema } from './contact.schemas.js';
import type { ImportRow } from './contact-file-reader.port.js';
import {
  auditContact,
  type ContactServiceDeps,
  contactSearchText,
  mergeContactFields,
  resolveOrganisationId,
  sameContactFields,
  saveContact,
} from './contact-records.js';

/**
 * The keys of an import row's record (a reader maps its file's columns onto them). List fields
 * hold several values separated by ";" or ","; fullName is split on its last space when the
 * row has neither a first nor a last name.
 */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'emails',
  'phones',
  'organisation',
  'tags',
  'externalId',
  'street',
  'city',
  'postalCode',
  'country',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * The header names a contact file may use, as people are told them (the import form, and a file
 * with no usable name column); the reader understands these and a few more spellings.
 */
export const UNDERSTOOD_COLUMNS =
  'first name / prénom, last name / nom, name / full name, email / e-mail, phone / téléphone / mobile, ' +
  'organisation / company / société, tags, external id / id, street / address / adresse, city / ville, ' +
  'postal code / zip / code postal, country / pays';

export type { ContactFileReader, ImportRow } from './contact-file-reader.port.js';

export type ImportStatus = 'created' | 'updated' | 'skipped';

export interface ImportRowResult {
  line: number;
  status: ImportStatus;
  reason?: string;
  contactId?: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  skipped: number;
  results: ImportRowResult[];
}

/** Turns a record into createContact input; the schema then validates it like any form. */
export function recordToContactInput(record: Record<string, string>): Record<string, unknown> {
  const get = (field: ImportField) => (record[field] ?? '').trim();
  let firstName = get('firstName');
  let lastName = get('lastName');
  const fullName = get('fullName').replace(/\s+/g, ' ');
  if (!firstName && !lastName && fullName) {
    const cut = fullName.lastIndexOf(' ');
    firstName = cut > 0 ? fullName.slice(0, cut) : '';
    lastName = cut > 0 ? fullName.slice(cut + 1) : fullName;
  }
  return {
    firstName,
    lastName,
    emails: get('emails'),
    phones: get('phones'),
    tags: get('tags'),
    organisation: get('organisation'),
    externalId: get('externalId'),
    address: {
      street: get('street'),
      city: get('city'),
      postalCode: get('postalCode'),
      country: get('country'),
    },
  };
}

/**
 * "line 7: invalid email 'bob@'": field messages (which all start with a plain word) are
 * lower-cased; other messages may start with a contact's name and are kept as they are.
 */
function reasonFor(line: number, error: Error): string {
  const text =
    error instanceof ValidationError
      ? Object.values(error.fieldErrors)
          .map((message) => message.replace(/\.$/, ''))
          .map((message) => message.charAt(0).toLowerCase() + message.slice(1))
          .join('; ')
      : error.message.replace(/\.$/, '');
  return `line ${line}: ${text}`;
}

/**
 * A dry run writes nothing, so the contacts earlier rows would have created or changed live
 * here, and a later duplicate row is reported exactly as the real import would report it.
 */
class DryRunBook {
  private readonly byId = new Map<string, Contact>();
  private readonly externalIds = new Map<string, string>();
  private readonly emails = new Map<string, string[]>();

  remember(contact: Contact): void {
    this.byId.set(contact.id, contact);
    if (contact.externalId) this.externalIds.set(contact.externalId, contact.id);
    for (const email of contact.emails) {
      const ids = this.emails.get(email) ?? [];
      if (!ids.includes(contact.id)) this.emails.set(email, [...ids, contact.id]);
    }
  }

  overlay(contact: Contact): Contact {
    return this.byId.get(contact.id) ?? contact;
  }

  byExternalId(externalId: string): Contact | undefined {
    const id = this.externalIds.get(externalId);
    return id ? this.byId.get(id) : undefined;
  }

  byEmail(email: string): Contact[] {
    return (this.emails.get(email) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }
}

/**
 * F11 import. Rows are processed one at a time as they arrive (memory holds the report, not
 * the file). Each row is validated like createContact; a bad row writes nothing and is
 * reported skipped with its reason. A row matches an existing contact by external id, else by
 * email (a contact carrying a different external id is another person); a match is updated
 * (lists unioned, the row's non-empty fields win). Rows are applied in file order, so a row
 * repeating an earlier one updates the contact that row created.
 */
export function createContactImporter(deps: ContactServiceDeps) {
  const { contacts, clock, ids } = deps;

  async function findMatch(
    workspaceId: string,
    fields: ContactFieldsInput,
    book: DryRunBook | undefined,
  ): Promise<Contact | undefined> {
    if (fields.externalId) {
      const byExternalId =
        book?.byExternalId(fields.externalId) ??
        (await contacts.findByExternalId(workspaceId, fields.externalId));
      if (byExternalId) return book ? book.overlay(byExternalId) : byExternalId;
    }
    for (const email of fields.emails) {
      const found = [...(book?.byEmail(email) ?? []), ...(await contacts.findByEmail(workspaceId, email))]
        .map((contact) => (book ? book.overlay(contact) : contact))
        .filter((contact) => contact.emails.includes(email))
        .filter(
          (contact) => !fields.externalId || !contact.externalId || contact.externalId === fields.externalId,
        )
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      if (found[0]) return found[0];
    }
    return undefined;
  }

  async function importRow(
    actor: Actor,
    row: ImportRow,
    book: DryRunBook | undefined,
  ): Promise<ImportRowResult> {
    const fields = parseInput(createContactSchema, recordToContactInput(row.record));
    // No match means no contact holds the row's external id (that lookup comes first); a
    // concurrent holder is still caught by the unique index in saveContact.
    const existing = await findMatch(actor.workspaceId, fields, book);
    const organisationId = await resolveOrganisationId(
      deps,
      actor.workspaceId,
      { organisation: fields.organisation ?? undefined },
      { dryRun: book !== undefined },
    );
    const now = clock.now();
    const rowFields = {
      firstName: fields.firstName,
      lastName: fields.lastName,
      emails: fields.emails,
      phones: fields.phones,
      tags: fields.tags,
      ...(fields.address ? { address: fields.address } : {}),
      ...(organisationId ? { organisationId } : {}),
      ...(fields.externalId ? { externalId: fields.externalId } : {}),
    };

    if (!existing) {
      const contact: Contact = {
        id: book ? `dry-run:${row.line}` : ids.next(),
        workspaceId: actor.workspaceId,
        ...rowFields,
        searchText: '',
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
      };
      contact.searchText = contactSearchText(contact);
      if (book) {
        book.remember(contact);
        return { line: row.line, status: 'created' };
      }
      await saveContact(contacts, contact, 'insert');
      await auditContact(deps, actor, [{ action: 'contact.created', targetId: contact.id, after: contact }]);
      return { line: row.line, status: 'created', contactId: contact.id };
    }

    const { contact: merged, problems } = mergeContactFields(existing, rowFields, true);
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const contactId = existing.id.startsWith('dry-run:') ? undefined : existing.id;
    const result: ImportRowResult = {
      line: row.line,
      status: 'updated',
      ...(contactId ? { contactId } : {}),
    };
    if (sameContactFields(existing, merged)) return { ...result, reason: 'no changes' };
    merged.updatedAt = now;
    if (book) {
      book.remember(merged);
      return result;
    }
    await saveContact(contacts, merged, 'replace');
    if (!sameName(existing, merged) || existing.organisationId !== merged.organisationId) {
      await deps.interactions.refreshContactFields(
        actor.workspaceId,
        merged.id,
        contactDisplayName(merged),
        merged.organisationId,
      );
    }
    await auditContact(deps, actor, [
      { action: 'contact.updated', targetId: merged.id, before: existing, after: merged },
    ]);
    return result;
  }

  return async function importContacts(
    actor: Actor,
    rows: AsyncIterable<ImportRow>,
    options: { dryRun?: boolean } = {},
  ): Promise<ImportReport> {
    assertCanWrite(actor);
    const { dryRun } = parseInput(importOptionsSchema, options);
    const book = dryRun ? new DryRunBook() : undefined;
    const report: ImportReport = { created: 0, updated: 0, skipped: 0, results: [] };
    for await (const row of rows) {
      let result: ImportRowResult;
      try {
        result = await importRow(actor, row, book);
      } catch (error) {
        // Bad data in one row never stops the import; anything else (database down) does.
        if (!isDomainError(error)) throw error;
        result = { line: row.line, status: 'skipped', reason: reasonFor(row.line, error) };
      }
      report[result.status] += 1;
      report.results.push(result);
    }
    return report;
  };
}

function sameName(a: Contact, b: Contact): boolean {
  return a.firstName === b.firstName && a.lastName === b.lastName;
}
