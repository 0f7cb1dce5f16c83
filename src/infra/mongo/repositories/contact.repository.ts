import type { Connection } from 'mongoose';
import type { Contact, Organisation } from '../../../core/contacts/contact.js';
import type {
  ContactRepository,
  OrganisationRepository,
} from '../../../core/contacts/contact.repository.port.js';
import { ConflictError, ErrorCode } from '../../../core/shared/errors.js';
import { escapeRegex } from '../../../core/shared/text.js';
import { isDuplicateKeyError } from '../errors.js';
import {
  type ContactDoc,
  contactModel,
  type OrganisationDoc,
  organisationModel,
} from '../models/contact.model.js';

export function toContact(doc: ContactDoc): Contact {
  const { _id, address, organisationId, externalId, externalKey: _key, ...rest } = doc;
  return {
    ...rest,
    id: _id,
    // A field missing from an older document reads as empty (docs/mongodb-subset.md rule 17).
    firstName: rest.firstName ?? '',
    lastName: rest.lastName ?? '',
    emails: [...(rest.emails ?? [])],
    phones: [...(rest.phones ?? [])],
    tags: [...(rest.tags ?? [])],
    searchText: rest.searchText ?? '',
    ...(address && Object.values(address).some(Boolean) ? { address: { ...address } } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(externalId ? { externalId } : {}),
  };
}

/** The unique key per workspace: the external id when there is one, else the contact's own id. */
export function externalKeyOf(externalId: string | undefined, id: string): string {
  return externalId ? `ext:${externalId}` : `id:${id}`;
}

/**
 * The stored shape of a contact (bulk loaders use it too). Optional fields are left out
 * rather than stored as null: the driver writes `undefined` as null.
 */
export function toContactDoc(contact: Contact): ContactDoc {
  const { id, address, organisationId, externalId, ...rest } = contact;
  return {
    _id: id,
    ...rest,
    externalKey: externalKeyOf(externalId, id),
    ...(address && Object.values(address).some(Boolean) ? { address: definedOnly(address) } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(externalId ? { externalId } : {}),
  };
}

function definedOnly<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) {
    if (copy[key] === undefined || copy[key] === '') delete copy[key];
  }
  return copy;
}

/** The unique (workspaceId, externalId) index refused the write: another contact holds the id. */
function duplicateExternalId(contact: Contact): ConflictError {
  return new ConflictError(
    ErrorCode.ContactDuplicate,
    `Another contact already has the external id '${contact.externalId ?? ''}'.`,
  );
}

const BY_NAME = { lastName: 1, firstName: 1, _id: 1 } as const;

export class MongoContactRepository implements ContactRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = contactModel(connection);
  }

  /** Rejects with ConflictError(CONTACT.DUPLICATE) when the external id is taken. */
  async insert(contact: Contact): Promise<void> {
    try {
      await this.model.insertMany([toContactDoc(contact)], { lean: true });
    } catch (error) {
      if (isDuplicateKeyError(error) && contact.externalId) throw duplicateExternalId(contact);
      throw error;
    }
  }

  async insertMany(contacts: Contact[]): Promise<void> {
    if (contacts.length === 0) return;
    await this.model.insertMany(contacts.map(toContactDoc), { lean: true, ordered: true });
  }

  async findById(workspaceId: string, id: string): Promise<Contact | null> {
    const doc = await this.model.findOne({ _id: id, workspaceId }).lean<ContactDoc>();
    return doc ? toContact(doc) : null;
  }

  async findByIds(workspaceId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    // One id (a dialog opened for a contact) as `_id` equality: the one filter FerretDB's SQLite
    // backend pushes down to SQL; `$in` is a full scan there. Same index lookup on MongoDB.
    if (ids.length === 1) {
      const one = await this.findById(workspaceId, ids[0] as string);
      return one ? [one] : [];
    }
    const docs = await this.model.find({ _id: { $in: ids }, workspaceId }).lean<ContactDoc[]>();
    return docs.map(toContact);
  }

  async findByExternalId(workspaceId: string, externalId: string): Promise<Contact | null> {
    if (!externalId) return null;
    const doc = await this.model
      .findOne({ workspaceId, externalKey: externalKeyOf(externalId, '') })
      .lean<ContactDoc>();
    return doc ? toContact(doc) : null;
  }

  async findByEmail(workspaceId: string, email: string): Promise<Contact[]> {
    const docs = await this.model.find({ workspaceId, emails: email.toLowerCase() }).lean<ContactDoc[]>();
    return docs.map(toContact);
  }

  async search(workspaceId: string, foldedText: string, limit: number): Promise<Contact[]> {
    const filter = foldedText
      ? { workspaceId, searchText: { $regex: escapeRegex(foldedText) } }
      : { workspaceId };
    const docs = await this.model.find(filter).sort(BY_NAME).limit(limit).lean<ContactDoc[]>();
    return docs.map(toContact);
  }

  /** Rejects with ConflictError(CONTACT.DUPLICATE) when the external id is taken. */
  async replace(contact: Contact): Promise<void> {
    const { _id, ...rest } = toContactDoc(contact);
    const unset: Record<string, ''> = {};
    for (const optional of ['address', 'organisationId', 'externalId'] as const) {
      if (rest[optional] === undefined) unset[optional] = '';
    }
    try {
      await this.model.updateOne(
        { _id, workspaceId: contact.workspaceId },
        Object.keys(unset).length > 0 ? { $set: rest, $unset: unset } : { $set: rest },
      );
    } catch (error) {
      if (isDuplicateKeyError(error) && contact.externalId) throw duplicateExternalId(contact);
      throw error;
    }
  }

  async deleteById(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: id, workspaceId });
    return result.deletedCount === 1;
  }

  async listByOrganisation(workspaceId: string, organisationId: string): Promise<Contact[]> {
    const docs = await this.model
      .find({ workspaceId, organisationId })
      .sort({ lastName: 1, firstName: 1 })
      .lean<ContactDoc[]>();
    return docs.map(toContact);
  }

  async countCreatedBetween(workspaceId: string, from: Date, to: Date): Promise<number> {
    return this.model.countDocuments({ workspaceId, createdAt: { $gte: from, $lt: to } });
  }
}

function toOrganisation(doc: OrganisationDoc): Organisation {
  const { _id, ...rest } = doc;
  return { ...rest, id: _id };
}

export class MongoOrganisationRepository implements OrganisationRepository {
  private readonly model;
  constructor(connection: Connection) {
    this.model = organisationModel(connection);
  }

  async findById(workspaceId: string, id: string): Promise<Organisation | null> {
    const doc = await this.model.findOne({ _id: id, workspaceId }).lean<OrganisationDoc>();
    return doc ? toOrganisation(doc) : null;
  }

  async findByNameKey(workspaceId: string, nameKey: string): Promise<Organisation | null> {
    const doc = await this.model.findOne({ workspaceId, nameKey }).lean<OrganisationDoc>();
    return doc ? toOrganisation(doc) : null;
  }

  async insertOrGet(organisation: Organisation): Promise<Organisation> {
    const { id, ...rest } = organisation;
    try {
      await this.model.insertMany([{ _id: id, ...rest }], { lean: true });
      return organisation;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.findByNameKey(organisation.workspaceId, organisation.nameKey);
      if (!existing) throw error;
      return existing;
    }
  }

  async search(workspaceId: string, foldedText: string, limit: number): Promise<Organisation[]> {
    const docs = await this.model
      .find({ workspaceId, nameKey: { $regex: escapeRegex(foldedText) } })
      .sort({ nameKey: 1 })
      .limit(limit)
      .lean<OrganisationDoc[]>();
    return docs.map(toOrganisation);
  }
}
