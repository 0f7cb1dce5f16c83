import type { Contact, Organisation, PostalAddress } from '../../../core/contacts/contact.js';
import type {
  ContactRepository,
  OrganisationRepository,
} from '../../../core/contacts/contact.repository.port.js';
import { ConflictError, ErrorCode } from '../../../core/shared/errors.js';
import { isUniqueViolation, type SqliteDatabase } from '../database.js';
import { date, optionalText, placeholders, type Row, stringList, text } from '../rows.js';
import { trigramQuery } from './interaction-text-search.js';

/**
 * Above this many contacts holding a text's trigrams (all workspaces together), the search
 * walks the workspace in name order instead: a text that common fills a page within a few rows,
 * while reading and sorting every holder would cost more.
 */
export const CONTACT_WORDS_DRIVES_ROWS = 2_000;

/** The unique key per workspace: the external id when there is one, else the contact's own id. */
function externalKeyOf(externalId: string | undefined, id: string): string {
  return externalId ? `ext:${externalId}` : `id:${id}`;
}

function storedAddress(address: PostalAddress | undefined): string | null {
  if (!address) return null;
  const kept = Object.fromEntries(Object.entries(address).filter(([, value]) => value));
  return Object.keys(kept).length > 0 ? JSON.stringify(kept) : null;
}

export function toContact(row: Row): Contact {
  const address = optionalText(row, 'address');
  const organisationId = optionalText(row, 'organisation_id');
  const externalId = optionalText(row, 'external_id');
  return {
    id: text(row, 'id'),
    workspaceId: text(row, 'workspace_id'),
    firstName: text(row, 'first_name'),
    lastName: text(row, 'last_name'),
    emails: stringList(row, 'emails'),
    phones: stringList(row, 'phones'),
    ...(address ? { address: JSON.parse(address) as PostalAddress } : {}),
    ...(organisationId ? { organisationId } : {}),
    tags: stringList(row, 'tags'),
    ...(externalId ? { externalId } : {}),
    searchText: text(row, 'search_text'),
    createdAt: date(row, 'created_at'),
    updatedAt: date(row, 'updated_at'),
    createdBy: text(row, 'created_by'),
  };
}

/** The unique (workspace, external key) index refused the write: another contact holds the id. */
function duplicateExternalId(contact: Contact): ConflictError {
  return new ConflictError(
    ErrorCode.ContactDuplicate,
    `Another contact already has the external id '${contact.externalId ?? ''}'.`,
  );
}

export const CONTACT_COLUMNS =
  'workspace_id, first_name, last_name, emails, phones, address, organisation_id, tags, external_id, external_key, search_text, created_at, updated_at, created_by';

export function contactValues(contact: Contact) {
  return [
    contact.workspaceId,
    contact.firstName,
    contact.lastName,
    JSON.stringify(contact.emails),
    JSON.stringify(contact.phones),
    storedAddress(contact.address),
    contact.organisationId ?? null,
    JSON.stringify(contact.tags),
    contact.externalId ?? null,
    externalKeyOf(contact.externalId, contact.id),
    contact.searchText,
    contact.createdAt.getTime(),
    contact.updatedAt.getTime(),
    contact.createdBy,
  ];
}

export class SqliteContactRepository implements ContactRepository {
  constructor(private readonly database: SqliteDatabase) {}

  /** The contact row and its e-mail rows commit together (`statement` says whether a row was written). */
  private write(contact: Contact, statement: () => boolean): void {
    try {
      this.database.transaction(() => {
        if (!statement()) return;
        this.database.run('DELETE FROM contact_emails WHERE contact_id = ?', contact.id);
        for (const email of new Set(contact.emails.map((e) => e.toLowerCase()))) {
          this.database.run(
            'INSERT INTO contact_emails (workspace_id, email, contact_id) VALUES (?, ?, ?)',
            contact.workspaceId,
            email,
            contact.id,
          );
        }
      });
    } catch (error) {
      if (isUniqueViolation(error) && contact.externalId) throw duplicateExternalId(contact);
      throw error;
    }
  }

  /** Rejects with ConflictError(CONTACT.DUPLICATE) when the external id is taken. */
  async insert(contact: Contact): Promise<void> {
    this.write(contact, () => {
      this.database.run(
        `INSERT INTO contacts (id, ${CONTACT_COLUMNS}) VALUES (?, ${placeholders(14)})`,
        contact.id,
        ...contactValues(contact),
      );
      return true;
    });
  }

  /** All of them or none: the per-contact writes join this one transaction. */
  async insertMany(contacts: Contact[]): Promise<void> {
    this.database.transaction(() => {
      for (const contact of contacts) {
        this.write(contact, () => {
          this.database.run(
            `INSERT INTO contacts (id, ${CONTACT_COLUMNS}) VALUES (?, ${placeholders(14)})`,
            contact.id,
            ...contactValues(contact),
          );
          return true;
        });
      }
    });
  }

  async findById(workspaceId: string, id: string): Promise<Contact | null> {
    const row = this.database.get(
      'SELECT * FROM contacts WHERE id = ? AND workspace_id = ?',
      id,
      workspaceId,
    );
    return row ? toContact(row) : null;
  }

  async findByIds(workspaceId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    return this.database
      .all(
        `SELECT * FROM contacts WHERE id IN (${placeholders(ids.length)}) AND +workspace_id = ?`,
        ...ids,
        workspaceId,
      )
      .map(toContact);
  }

  async findByExternalId(workspaceId: string, externalId: string): Promise<Contact | null> {
    if (!externalId) return null;
    const row = this.database.get(
      'SELECT * FROM contacts WHERE workspace_id = ? AND external_key = ?',
      workspaceId,
      externalKeyOf(externalId, ''),
    );
    return row ? toContact(row) : null;
  }

  async findByEmail(workspaceId: string, email: string): Promise<Contact[]> {
    return this.database
      .all(
        `SELECT contacts.* FROM contact_emails JOIN contacts ON contacts.id = contact_emails.contact_id
         WHERE contact_emails.workspace_id = ? AND contact_emails.email = ?`,
        workspaceId,
        email.toLowerCase(),
      )
      .map(toContact);
  }

  /**
   * A substring of the folded name/emails/phones, `limit` contacts in name order. A text of a
   * trigram or more that few contacts hold (at most CONTACT_WORDS_DRIVES_ROWS in the trigram
   * index, all workspaces together) is read from contacts_text and those rows sorted; the
   * instr() test keeps the rows exactly the substring's (the trigrams may sit elsewhere). A
   * shorter or common text walks the workspace's contacts in name order with instr() and stops
   * at `limit` matches — a common text fills the page within a few rows (see schema.ts on why a
   * substring cannot seek an index).
   */
  async search(workspaceId: string, foldedText: string, limit: number): Promise<Contact[]> {
    const query = trigramQuery(foldedText);
    if (query && this.fewHold(query)) {
      return this.database
        .all(
          `SELECT * FROM contacts
           WHERE seq IN (SELECT rowid FROM contacts_text WHERE contacts_text MATCH ?)
             AND +workspace_id = ? AND instr(search_text, ?) > 0
           ORDER BY last_name, first_name, id LIMIT ?`,
          query,
          workspaceId,
          foldedText,
          limit,
        )
        .map(toContact);
    }
    return this.database
      .all(
        `SELECT * FROM contacts WHERE workspace_id = ? AND instr(search_text, ?) > 0
         ORDER BY last_name, first_name, id LIMIT ?`,
        workspaceId,
        foldedText,
        limit,
      )
      .map(toContact);
  }

  /** One capped count on the trigram index: reads at most CONTACT_WORDS_DRIVES_ROWS + 1 entries. */
  private fewHold(query: string): boolean {
    const row = this.database.get(
      'SELECT count(*) AS n FROM (SELECT 1 FROM contacts_text WHERE contacts_text MATCH ? LIMIT ?)',
      query,
      CONTACT_WORDS_DRIVES_ROWS + 1,
    );
    return Number(row?.n ?? 0) <= CONTACT_WORDS_DRIVES_ROWS;
  }

  /** Rejects with ConflictError(CONTACT.DUPLICATE) when the external id is taken. */
  async replace(contact: Contact): Promise<void> {
    const columns = CONTACT_COLUMNS.split(', ')
      .map((column) => `${column} = ?`)
      .join(', ');
    this.write(contact, () => {
      const changed = this.database.run(
        `UPDATE contacts SET ${columns} WHERE id = ? AND workspace_id = ?`,
        ...contactValues(contact),
        contact.id,
        contact.workspaceId,
      );
      return changed > 0;
    });
  }

  async deleteById(workspaceId: string, id: string): Promise<boolean> {
    return this.database.transaction(() => {
      const deleted = this.database.run(
        'DELETE FROM contacts WHERE id = ? AND workspace_id = ?',
        id,
        workspaceId,
      );
      if (deleted > 0) this.database.run('DELETE FROM contact_emails WHERE contact_id = ?', id);
      return deleted === 1;
    });
  }

  async listByOrganisation(workspaceId: string, organisationId: string): Promise<Contact[]> {
    return this.database
      .all(
        'SELECT * FROM contacts WHERE workspace_id = ? AND organisation_id = ? ORDER BY last_name, first_name',
        workspaceId,
        organisationId,
      )
      .map(toContact);
  }

  async countCreatedBetween(workspaceId: string, from: Date, to: Date): Promise<number> {
    const row = this.database.get(
      'SELECT count(*) AS n FROM contacts WHERE workspace_id = ? AND created_at >= ? AND created_at < ?',
      workspaceId,
      from.getTime(),
      to.getTime(),
    );
    return Number(row?.n ?? 0);
  }
}

export function toOrganisation(row: Row): Organisation {
  return {
    id: text(row, 'id'),
    workspaceId: text(row, 'workspace_id'),
    name: text(row, 'name'),
    nameKey: text(row, 'name_key'),
    createdAt: date(row, 'created_at'),
  };
}

export class SqliteOrganisationRepository implements OrganisationRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async findById(workspaceId: string, id: string): Promise<Organisation | null> {
    const row = this.database.get(
      'SELECT * FROM organisations WHERE id = ? AND workspace_id = ?',
      id,
      workspaceId,
    );
    return row ? toOrganisation(row) : null;
  }

  async findByNameKey(workspaceId: string, nameKey: string): Promise<Organisation | null> {
    const row = this.database.get(
      'SELECT * FROM organisations WHERE workspace_id = ? AND name_key = ?',
      workspaceId,
      nameKey,
    );
    return row ? toOrganisation(row) : null;
  }

  async insertOrGet(organisation: Organisation): Promise<Organisation> {
    try {
      this.database.run(
        'INSERT INTO organisations (id, workspace_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)',
        organisation.id,
        organisation.workspaceId,
        organisation.name,
        organisation.nameKey,
        organisation.createdAt.getTime(),
      );
      return organisation;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.findByNameKey(organisation.workspaceId, organisation.nameKey);
      if (!existing) throw error;
      return existing;
    }
  }

  /** A substring of the folded name, walking the (workspace, name_key) index in order. */
  async search(workspaceId: string, foldedText: string, limit: number): Promise<Organisation[]> {
    return this.database
      .all(
        'SELECT * FROM organisations WHERE workspace_id = ? AND instr(name_key, ?) > 0 ORDER BY name_key LIMIT ?',
        workspaceId,
        foldedText,
        limit,
      )
      .map(toOrganisation);
  }
}
