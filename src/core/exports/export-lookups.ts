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

/**
 * Contact and organisation details for export rows, fetched once per batch of interactions
 * (one `findByIds` for the batch's unseen contacts) and kept in bounded LRU caches that hold
 * at most `capacity` contacts, whatever the number of rows.
 * Deleted contacts are cached as null so they are not asked for again.
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

  /** Makes every contact and organisation the batch refers to available to the getters. */
  async load(batch: readonly Interaction[]): Promise<void> {
    this.batches++;
    let missingContacts = this.missingContacts(batch);
    // A second batch means a large export: read the workspace's contacts once (up to the cache
    // size, in one query) rather than one findByIds per batch until the cache has them all.
    // On FerretDB every $in lookup scans the collection, so this is most of the export time.
    if (this.batches === 2 && missingContacts.size > 0) {
      const everyone = await this.repositories.contacts.search(this.workspaceId, '', this.capacity);
      for (const contact of everyone) this.contacts.set(contact.id, toInfo(contact));
      missingContacts = this.missingContacts(batch);
    }
    if (missingContacts.size > 0) {
      const found = await this.repositories.contacts.findByIds(this.workspaceId, [...missingContacts]);
      for (const contact of found) this.contacts.set(contact.id, toInfo(contact));
      for (const id of missingContacts) if (!this.contacts.has(id)) this.contacts.set(id, null);
    }

    const missingOrganisations = new Set<string>();
    const organisationsSeen = new Set<string>();
    for (const interaction of batch) {
      const organisationId = this.organisationIdOf(interaction);
      if (!organisationId || organisationsSeen.has(organisationId)) continue;
      organisationsSeen.add(organisationId);
      const known =
        this.organisations.size + batch.length <= this.organisations.capacity
          ? this.organisations.has(organisationId)
          : this.organisations.get(organisationId) !== undefined;
      if (!known) missingOrganisations.add(organisationId);
    }
    await Promise.all(
      [...missingOrganisations].map(async (id) => {
        const organisation = await this.repositories.organisations.findById(this.workspaceId, id);
        this.organisations.set(id, organisation?.name ?? '');
      }),
    );
  }

  /**
   * The batch's contacts the cache lacks. Marking the others recently used matters only once
   * the cache may evict: while it has room for every contact of the batch, nothing this batch
   * adds can push an entry out, so the rows are only looked up (a move in the LRU's map for
   * every row was a tenth of a large export's time). Once it is that full, each contact of the
   * batch is marked once. Either way a contact the cache lost is read again, never missed.
   */
  private missingContacts(batch: readonly Interaction[]): Set<string> {
    const missing = new Set<string>();
    if (this.contacts.size + batch.length <= this.capacity) {
      for (const interaction of batch) {
        if (!this.contacts.has(interaction.contactId)) missing.add(interaction.contactId);
      }
      return missing;
    }
    const seen = new Set<string>();
    for (const interaction of batch) {
      const id = interaction.contactId;
      if (seen.has(id)) continue;
      seen.add(id);
      if (this.contacts.get(id) === undefined) missing.add(id);
    }
    return missing;
  }

  // The getters peek: `load` has just marked the batch's contacts and organisations as recently
  // used, and the cache holds two batches, so re-marking them per row would only cost time.
  contact(interaction: Interaction): ContactInfo | null {
    return this.contacts.peek(interaction.contactId) ?? null;
  }

  organisationName(interaction: Interaction): string {
    const organisationId = this.organisationIdOf(interaction);
    return organisationId ? (this.organisations.peek(organisationId) ?? '') : '';
  }

  /** The interaction's own organisation (denormalised at write time), else the contact's. */
  private organisationIdOf(interaction: Interaction): string | undefined {
    return interaction.organisationId ?? this.contacts.peek(interaction.contactId)?.organisationId;
  }
}
