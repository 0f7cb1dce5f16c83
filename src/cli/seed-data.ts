import type { Contact, Organisation } from '../core/contacts/contact.js';
import { contactSearchText, organisationKey } from '../core/contacts/contact-records.js';
import type { Channel, Interaction } from '../core/interactions/interaction.js';
import type { IdGenerator } from '../core/shared/ports.js';
import { DEFAULT_ACTIONS, DEFAULT_INTERACTION_TYPES, type Member } from '../core/workspaces/workspace.js';

/**
 * Realistic demo data (accented names, organisations, a year of activity with follow-ups),
 * deterministic for a given seed. Used by `interaction-log seed` and by the bench.
 */
const FIRST_NAMES = (
  'Élise|Zoé|François|Chloé|Agnès|Jérôme|Hélène|Noël|Renée|Loïc|Inès|José|Björn|Łukasz|Søren|' +
  'Ana|Marie|Jean|Paul|Sophie|Thomas|Camille|Léa|Hugo|Manon|Lucas|Emma|Nathan|Sarah|David|' +
  'Yasmine|Karim|Fatou|Mamadou|Aïcha|Nguyễn|Wei|Priya|Rafael|Ines'
).split('|');
const LAST_NAMES = (
  'Lévy|Dupont|Martin|Bernard|Petit|Durand|Lefèvre|Moreau|Girard|Rousseau|García|Núñez|' +
  "Schäfer|O'Brien|Müller|Nguyen|Benali|Diallo|Cohen|Da Silva|Fontaine|Chevalier|Lambert|" +
  'Faure|Mercier|Blanc|Guérin|Boyer|Garnier|Roche'
).split('|');
const ORGANISATIONS = (
  'Association Les Amis du Quartier|Boulangerie Lefèvre & Fils|Mairie de Saint-Étienne|' +
  'Café des Arts|Club Sportif Éclair|Restos du Cœur — antenne Nord|Paroisse Saint-Michel|' +
  'École Jules-Ferry|Coopérative La Ruche|Atelier Vélo Solidaire|Fondation Horizon|' +
  'Banque Alimentaire 93|Théâtre du Soleil|Maison des Jeunes|Clinique Pasteur'
).split('|');
const STREETS =
  'rue de la Paix|avenue Jean-Jaurès|boulevard Voltaire|place du Marché|chemin des Écoliers'.split('|');
const CITIES = 'Paris|Lyon|Saint-Étienne|Montréal|Bruxelles|Genève|Nantes'.split('|');
const DESCRIPTIONS = (
  'Discussed the upcoming fundraising dinner; very interested.|' +
  'Left a voicemail, will try again next week.|' +
  'Visited at home with the team: needs help with paperwork, "urgent".|' +
  'Meeting about the annual contribution, agreed in principle.|' +
  'Email exchange on the new schedule, sent the brochure.|' +
  'Declined for now, asked us to call back in spring.|' +
  'Brought groceries; talked about the family, all well.|' +
  'Quick call: confirmed attendance at Thursday’s workshop.|' +
  'Follow-up on last visit — documents received, thanks!|' +
  'Note: prefers contact by SMS, not before 10:00.'
).split('|');
const AUTHORS = 'Alice Martin|Bruno Costa|Chloé Dubois|Dmitri Ivanov|Émilie Laurent'.split('|');
const CHANNEL_OF: Record<string, Channel> = {
  Visit: 'in_person',
  Call: 'call',
  Meeting: 'in_person',
  Appointment: 'in_person',
  Email: 'email',
};
const DAY = 86_400_000;

/** mulberry32: small, fast, good enough for demo data, and reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class SeedGenerator {
  private readonly random: () => number;
  constructor(
    private readonly workspaceId: string,
    private readonly ids: IdGenerator,
    private readonly now: Date,
    seed = 42,
    /** Makes external ids unique per run, so seeding the same workspace twice adds contacts. */
    private readonly tag = 'seed',
  ) {
    this.random = seededRandom(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  members(): Member[] {
    return AUTHORS.map((displayName, index) => ({
      workspaceId: this.workspaceId,
      userId: `seed-u${index + 1}`,
      role: 'member',
      displayName,
      createdAt: this.now,
      updatedAt: this.now,
    }));
  }

  organisations(count: number): Organisation[] {
    return Array.from({ length: Math.min(count, ORGANISATIONS.length) }, (_, index) => ({
      id: this.ids.next(),
      workspaceId: this.workspaceId,
      name: ORGANISATIONS[index]!,
      nameKey: organisationKey(ORGANISATIONS[index]!),
      createdAt: this.now,
    }));
  }

  contact(index: number, organisations: readonly Organisation[]): Contact {
    const firstName = this.pick(FIRST_NAMES);
    const lastName = this.pick(LAST_NAMES);
    const slug = `${firstName}.${lastName}`
      .normalize('NFKD')
      .replace(/[^\w.]/g, '')
      .toLowerCase();
    const createdAt = new Date(this.now.getTime() - Math.floor(this.random() * 400 * DAY));
    const organisation = organisations.length > 0 && this.chance(0.6) ? this.pick(organisations) : undefined;
    const contact: Contact = {
      id: this.ids.next(),
      workspaceId: this.workspaceId,
      firstName,
      lastName,
      emails: this.chance(0.85) ? [`${slug}${index}@example.org`] : [],
      phones: this.chance(0.7)
        ? [`+33 6 ${String(10_000_000 + index).replace(/(\d{2})(?=\d)/g, '$1 ')}`]
        : [],
      ...(this.chance(0.5)
        ? { address: { street: `${1 + (index % 120)} ${this.pick(STREETS)}`, city: this.pick(CITIES) } }
        : {}),
      ...(organisation ? { organisationId: organisation.id } : {}),
      tags: this.chance(0.3) ? ['volunteer'] : [],
      externalId: `${this.tag}-${index}`,
      searchText: '',
      createdAt,
      updatedAt: createdAt,
      createdBy: 'seed-u1',
    };
    contact.searchText = contactSearchText(contact);
    return contact;
  }

  /** Some contacts are seen far more often than others, as in real life. */
  pickContact<T>(contacts: readonly T[]): T {
    return contacts[Math.floor(this.random() ** 2 * contacts.length)]!;
  }

  interaction(contact: Contact, members: readonly Member[]): Interaction {
    const id = this.ids.next();
    const author = this.pick(members);
    const type = this.pick(DEFAULT_INTERACTION_TYPES);
    const actionCount = Math.floor(this.random() * 3);
    const actions = [...new Set(Array.from({ length: actionCount }, () => this.pick(DEFAULT_ACTIONS)))];
    const occurredAt = new Date(this.now.getTime() - Math.floor(this.random() * 365 * DAY));
    const createdAt = new Date(Math.min(this.now.getTime(), occurredAt.getTime() + this.random() * 2 * DAY));
    const interaction: Interaction = {
      id,
      workspaceId: this.workspaceId,
      eventId: id,
      contactId: contact.id,
      contactName: `${contact.firstName} ${contact.lastName}`.trim(),
      ...(contact.organisationId ? { organisationId: contact.organisationId } : {}),
      type,
      actions,
      description: this.pick(DESCRIPTIONS),
      occurredAt,
      createdAt,
      updatedAt: createdAt,
      authorId: author.userId,
      authorName: author.displayName,
      important: this.chance(0.1),
      attachments: [],
      source: { kind: 'import' },
      idempotencyKey: `${this.tag}:${id}:${contact.id}`,
    };
    const channel = CHANNEL_OF[type];
    if (channel) interaction.channel = channel;
    if (type === 'Visit' && contact.address?.street) {
      interaction.visitAddress = `${contact.address.street}, ${contact.address.city ?? ''}`.trim();
    }
    if (this.chance(0.15)) {
      const dueAt = new Date(occurredAt.getTime() + (1 + Math.floor(this.random() * 14)) * DAY);
      const assigneeId = author.userId;
      if (dueAt < this.now && this.chance(0.7)) {
        const doneAt = new Date(Math.min(this.now.getTime(), dueAt.getTime() + this.random() * 2 * DAY));
        interaction.followUp = { dueAt, assigneeId, status: 'done', doneAt, doneBy: assigneeId };
      } else {
        interaction.followUp = { dueAt, assigneeId, status: 'open' };
      }
    }
    return interaction;
  }
}
