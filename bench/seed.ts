import type { Db } from 'mongodb';
import { type Container, storageOf } from '../src/app/container.js';
import { SeedGenerator } from '../src/cli/seed-data.js';
import type { Contact, Organisation } from '../src/core/contacts/contact.js';
import type { Actor } from '../src/core/shared/actor.js';
import type { Workspace } from '../src/core/workspaces/workspace.js';
import { COLLECTIONS } from '../src/infra/mongo/indexes.js';
import type { ContactDoc } from '../src/infra/mongo/models/contact.model.js';
import { type InteractionDoc, toInteractionDoc } from '../src/infra/mongo/models/interaction.model.js';
import { toContactDoc } from '../src/infra/mongo/repositories/contact.repository.js';
import { progress } from './support.js';

export interface SeededWorkspace {
  workspace: Workspace;
  actor: Actor;
  contacts: Contact[];
  /** Contact ids ordered by how many interactions they have, most first. */
  busiestContactIds: string[];
  interactions: number;
}

const INSERT_BATCH = 5_000;

/**
 * Setup, not measured: workspace, members and organisations through the repositories, then
 * contacts and interactions as bulk inserts with the bare driver, in the exact document shape
 * the repositories write (toInteractionDoc), so the services read them like their own.
 */
export async function seedWorkspace(
  container: Container,
  db: Db,
  label: string,
  sizes: { contacts: number; interactions: number },
  seed: number,
): Promise<SeededWorkspace> {
  const { clock, ids } = container;
  const { repositories } = storageOf(container);
  const workspace = await container.workspaces.resolveWorkspace({
    platform: 'cli',
    externalId: `bench-${label}`,
    name: `Bench ${label}`,
  });
  const generator = new SeedGenerator(workspace.id, ids, clock.now(), seed, `bench-${label}`);
  const members = generator.members();
  for (const member of members) await repositories.members.insertOrGet({ ...member, role: 'owner' });
  const organisations: Organisation[] = [];
  for (const organisation of generator.organisations(15)) {
    organisations.push(await repositories.organisations.insertOrGet(organisation));
  }

  const contacts = Array.from({ length: sizes.contacts }, (_, index) =>
    generator.contact(index, organisations),
  );
  for (let start = 0; start < contacts.length; start += INSERT_BATCH) {
    await db
      .collection<ContactDoc>(COLLECTIONS.contacts)
      .insertMany(contacts.slice(start, start + INSERT_BATCH).map(toContactDoc), { ordered: false });
  }
  progress(`workspace ${label}: ${contacts.length} contacts`);

  const perContact = new Map<string, number>();
  for (let written = 0; written < sizes.interactions; written += INSERT_BATCH) {
    const size = Math.min(INSERT_BATCH, sizes.interactions - written);
    const batch = Array.from({ length: size }, () => {
      const interaction = generator.interaction(generator.pickContact(contacts), members);
      perContact.set(interaction.contactId, (perContact.get(interaction.contactId) ?? 0) + 1);
      return toInteractionDoc(interaction);
    });
    await db.collection<InteractionDoc>(COLLECTIONS.interactions).insertMany(batch, { ordered: false });
    if ((written + size) % 25_000 === 0 || written + size === sizes.interactions) {
      progress(`workspace ${label}: ${written + size} / ${sizes.interactions} interactions`);
    }
  }
  const first = members[0]!;
  return {
    workspace,
    actor: { workspaceId: workspace.id, userId: first.userId, role: 'owner', displayName: first.displayName },
    contacts,
    busiestContactIds: [...perContact.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
    interactions: sizes.interactions,
  };
}
