import { type Contact, contactDisplayName } from '../contacts/contact.js';
import type { ContactRepository, OrganisationRepository } from '../contacts/contact.repository.port.js';
import type { Interaction } from '../interactions/interaction.js';
import { BoundedCache } from './bounded-cache.js';
import type { ContactInfo } from './export-columns.js';

function toInfo(contact: Contact): ContactInfo {
  return {
    name: contactDisplayName(contact),
    email: contact.emails.join(', '),
    phone: contact.phones.join(', '),
    ...(contact.organisationId ? { organisationId: contact.organisationId } : {}),
  };
}

/** Each row of a batch with what it shows of its contact (null: deleted) and organisation. */
export interface BatchDetails {
  contacts: (ContactInfo | null)[];
  organisationNames: string[];
}

/**
 * Contact and organisation details for export rows, fetched once per batch of interactions
 * (one `findByIds` for the batch's unseen contacts) and kept in bounded LRU caches that hold
 * at most `capacity` contacts, whatever the number of rows.
 * Deleted contacts are cached as null so they are not asked for again.
 * Each row is looked up once per cache, and what it found is handed to the row builder by
 * position: a lookup hashes an id string fresh from the store, for every row of the export.
 */
export class ExportLookups {
  private readonly contacts: BoundedCache<string, ContactInfo | null>;
  private readonly organisations: BoundedCache<string, string>;
  private batches = 0;

  constructor(
    private readonly workspaceId: string,
    private readonly repositories: { contacts: ContactRepository; organisations: OrganisationRepository },
    private readonly capacity: number,
  ) {
    this.contacts = new BoundedCache(capacity);
    this.organisations = new BoundedCache(Math.max(1, Math.floor(capacity / 4)));
  }

  /** The contact and organisation of every row of the batch, reading what the caches lack. */
  async load(batch: readonly Interaction[]): Promise<BatchDetails> {
    this.batches++;
    const found: (ContactInfo | null | undefined)[] = new Array(batch.length);
    let missing = this.lookUpContacts(batch, found);
    // A second batch means a large export: read the workspace's contacts once (up to the cache
    // size, in one query) rather than one findByIds per batch until the cache has them all.
    // On FerretDB every $in lookup scans the collection, so this is most of the export time.
    if (this.batches === 2 && missing.size > 0) {
      const everyone = await this.repositories.contacts.search(this.workspaceId, '', this.capacity);
      for (const contact of everyone) this.contacts.set(contact.id, toInfo(contact));
      missing = this.lookUpContacts(batch, found);
    }
    const contacts = found as (ContactInfo | null)[];
    if (missing.size > 0) {
      const read = new Map<string, ContactInfo>();
      for (const contact of await this.repositories.contacts.findByIds(this.workspaceId, [...missing])) {
        read.set(contact.id, toInfo(contact));
      }
      for (const id of missing) this.contacts.set(id, read.get(id) ?? null);
      for (let index = 0; index < batch.length; index++) {
        if (found[index] === undefined) contacts[index] = read.get(batch[index]!.contactId) ?? null;
      }
    }
    return { contacts, organisationNames: await this.organisationNames(batch, contacts) };
  }

  /**
   * Fills `found` with each row's cached contact (undefined: not cached) and returns the ids to
   * read. Marking a contact recently used matters only once the cache may evict: while it has
   * room for every contact of the batch, nothing this batch adds can push an entry out, so the
   * rows are only peeked at (a move in the LRU's map for every row was a tenth of a large
   * export's time). Once it is that full, each contact of the batch is marked once.
   */
  private lookUpContacts(
    batch: readonly Interaction[],
    found: (ContactInfo | null | undefined)[],
  ): Set<string> {
    const missing = new Set<string>();
    const roomy = this.contacts.size + batch.length <= this.capacity;
    const marked = roomy ? undefined : new Map<string, ContactInfo | null | undefined>();
    for (let index = 0; index < batch.length; index++) {
      const id = batch[index]!.contactId;
      let contact: ContactInfo | null | undefined;
      if (!marked) contact = this.contacts.peek(id);
      else if (marked.has(id)) contact = marked.get(id);
      else {
        contact = this.contacts.get(id);
        marked.set(id, contact);
      }
      found[index] = contact;
      if (contact === undefined) missing.add(id);
    }
    return missing;
  }

  /** Each row's organisation name ('' when it has none), reading the ones not cached. */
  private async organisationNames(
    batch: readonly Interaction[],
    contacts: readonly (ContactInfo | null)[],
  ): Promise<string[]> {
    const names = new Array<string>(batch.length);
    const roomy = this.organisations.size + batch.length <= this.organisations.capacity;
    const missing = new Map<string, number[]>();
    for (let index = 0; index < batch.length; index++) {
      // The interaction's own organisation (denormalised at write time), else the contact's.
      const id = batch[index]!.organisationId ?? contacts[index]?.organisationId;
      if (!id) {
        names[index] = '';
        continue;
      }
      const name = roomy ? this.organisations.peek(id) : this.organisations.get(id);
      if (name !== undefined) {
        names[index] = name;
        continue;
      }
      const rows = missing.get(id);
      if (rows) rows.push(index);
      else missing.set(id, [index]);
    }
    await Promise.all(
      [...missing].map(async ([id, rows]) => {
        const organisation = await this.repositories.organisations.findById(this.workspaceId, id);
        const name = organisation?.name ?? '';
        this.organisations.set(id, name);
        for (const index of rows) names[index] = name;
      }),
    );
    return names;
  }
}
