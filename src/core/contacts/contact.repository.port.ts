import type { Contact, Organisation } from './contact.js';

export interface ContactRepository {
  insert(contact: Contact): Promise<void>;
  /**
   * Bulk load (the seed command): one transaction on SQLite; one ordered insertMany on MongoDB.
   * The contacts must have fresh ids and external ids.
   */
  insertMany(contacts: Contact[]): Promise<void>;
  findById(workspaceId: string, id: string): Promise<Contact | null>;
  findByIds(workspaceId: string, ids: string[]): Promise<Contact[]>;
  findByExternalId(workspaceId: string, externalId: string): Promise<Contact | null>;
  findByEmail(workspaceId: string, email: string): Promise<Contact[]>;
  /** Folded substring search over name/emails/phones, ordered by last then first name. */
  search(workspaceId: string, foldedText: string, limit: number): Promise<Contact[]>;
  replace(contact: Contact): Promise<void>;
  deleteById(workspaceId: string, id: string): Promise<boolean>;
  listByOrganisation(workspaceId: string, organisationId: string): Promise<Contact[]>;
  countCreatedBetween(workspaceId: string, from: Date, to: Date): Promise<number>;
}

export interface OrganisationRepository {
  findById(workspaceId: string, id: string): Promise<Organisation | null>;
  findByNameKey(workspaceId: string, nameKey: string): Promise<Organisation | null>;
  /** Inserts; resolves to the existing one on a name clash (unique index claim). */
  insertOrGet(organisation: Organisation): Promise<Organisation>;
  search(workspaceId: string, foldedText: string, limit: number): Promise<Organisation[]>;
}
