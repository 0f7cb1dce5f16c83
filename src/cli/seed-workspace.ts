import type { Contact, Organisation } from '../core/contacts/contact.js';
import type { Member } from '../core/workspaces/workspace.js';
import type { CoreRepositories } from '../infra/storage.js';
import type { SeedGenerator } from './seed-data.js';

export interface SeedSizes {
  contacts: number;
  interactions: number;
  /** Defaults to one per 40 contacts (20,000 contacts: 500 organisations). */
  organisations?: number;
}

export interface SeedReport {
  members: Member[];
  organisations: number;
  contacts: Contact[];
  interactions: number;
}

/** Rows per write: one transaction each on SQLite, one insertMany each on MongoDB. */
export const SEED_BATCH = 2_000;

/**
 * Fills a workspace through the repositories' batch inserts (never one use case per record: a
 * million interactions must take minutes), the year in the order people would have logged it
 * (rows of a month sit together in the file, as they do in a real one). `onProgress` hears
 * after every batch.
 */
export async function seedWorkspace(
  repositories: Pick<CoreRepositories, 'members' | 'organisations' | 'contacts' | 'interactions'>,
  generator: SeedGenerator,
  sizes: SeedSizes,
  onProgress: (what: 'contacts' | 'interactions', done: number, total: number) => void = () => {},
): Promise<SeedReport> {
  const authors = generator.members();
  for (const member of authors) await repositories.members.insertOrGet(member);
  const orgs: Organisation[] = [];
  const organisationCount = sizes.organisations ?? Math.max(1, Math.ceil(sizes.contacts / 40));
  for (const organisation of generator.organisations(organisationCount)) {
    orgs.push(await repositories.organisations.insertOrGet(organisation));
  }

  const people: Contact[] = [];
  while (people.length < sizes.contacts) {
    const size = Math.min(SEED_BATCH, sizes.contacts - people.length);
    const batch = Array.from({ length: size }, (_, offset) =>
      generator.contact(people.length + offset, orgs),
    );
    await repositories.contacts.insertMany(batch);
    people.push(...batch);
    onProgress('contacts', people.length, sizes.contacts);
  }

  let written = 0;
  while (written < sizes.interactions) {
    const room = Math.min(SEED_BATCH, sizes.interactions - written);
    const batch = [];
    while (batch.length < room) {
      const contacts = generator.pickEventContacts(people, room - batch.length);
      batch.push(...generator.event(contacts, authors, (written + batch.length) / sizes.interactions));
    }
    await repositories.interactions.insertMany(batch);
    written += batch.length;
    onProgress('interactions', written, sizes.interactions);
  }
  return { members: authors, organisations: orgs.length, contacts: people, interactions: written };
}
