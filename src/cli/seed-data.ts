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
/**
 * Words the descriptions draw from, most frequent first: word n comes up about 1/n as often as
 * the first (Zipf), so a search can be for a word on a tenth of the records or on a handful.
 */
const TOPIC_WORDS = (
  'family|paperwork|housing|volunteer|donation|school|health|transport|groceries|rent|' +
  'insurance|pension|childcare|garden|computer|workshop|translation|appointment|pharmacy|library|' +
  'neighbour|festival|concert|recycling|bicycle|kitchen|heating|electricity|mortgage|tutoring|' +
  'scholarship|orchestra|carpentry|plumbing|beekeeping|calligraphy|embroidery|astronomy|origami|' +
  'falconry|taxidermy|glassblowing|marquetry|bookbinding|xylophone|zeppelin|quinoa|kombucha|' +
  'sourdough|harpsichord'
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
const TOPIC_WEIGHT_TOTAL = TOPIC_WORDS.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);

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

  /** Up to `count` organisations: the base names first, then the same in other cities. */
  organisations(count: number): Organisation[] {
    return Array.from({ length: count }, (_, index) => {
      const base = ORGANISATIONS[index % ORGANISATIONS.length]!;
      const round = Math.floor(index / ORGANISATIONS.length);
      const city = CITIES[(round - 1) % CITIES.length]!;
      const branch = Math.floor((round - 1) / CITIES.length);
      const name = round === 0 ? base : `${base} — ${city}${branch > 0 ? ` ${branch + 1}` : ''}`;
      return {
        id: this.ids.next(),
        workspaceId: this.workspaceId,
        name,
        nameKey: organisationKey(name),
        createdAt: this.now,
      };
    });
  }

  contact(index: number, organisations: readonly Organisation[]): Contact {
    const firstName = this.pick(FIRST_NAMES);
    const lastName = this.pick(LAST_NAMES);
    const slug = `${firstName}.${lastName}`
      .normalize('NFKD')
      .replace(/[^\w.]/g, '')
      .toLowerCase();
    const createdAt = new Date(this.now.getTime() - Math.floor(this.random() * 400 * DAY));
    const organisation = organisations.length > 0 && this.chance(0.8) ? this.pick(organisations) : undefined;
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

  /** Word n of TOPIC_WORDS with probability proportional to 1/n. */
  private topicWord(): string {
    let left = this.random() * TOPIC_WEIGHT_TOTAL;
    for (let rank = 0; rank < TOPIC_WORDS.length; rank++) {
      left -= 1 / (rank + 1);
      if (left < 0) return TOPIC_WORDS[rank]!;
    }
    return TOPIC_WORDS[TOPIC_WORDS.length - 1]!;
  }

  /**
   * A sentence, then one to three topic words, and on a third of them a five-digit file number
   * (one number is on a few records in a million: the rarest thing one can search for).
   */
  private description(): string {
    const words = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => this.topicWord());
    const file = this.chance(1 / 3)
      ? ` File ${String(Math.floor(this.random() * 100_000)).padStart(5, '0')}.`
      : '';
    return `${this.pick(DESCRIPTIONS)} Topics: ${[...new Set(words)].join(', ')}.${file}`;
  }

  /** One interaction (an event with a single contact). */
  interaction(contact: Contact, members: readonly Member[]): Interaction {
    return this.event([contact], members)[0]!;
  }

  /**
   * One logged event: one interaction per contact, sharing the event id, date, type, author and
   * description. A tenth of the events get a follow-up (about 70% of the past ones done).
   * `along` (0 to 1) places the event in the year as it would be logged: a seed that passes
   * its progress writes a year in order, as people log it (some of it a few days late);
   * without it the date is anywhere in the last year.
   */
  event(contacts: readonly Contact[], members: readonly Member[], along?: number): Interaction[] {
    const eventId = this.ids.next();
    const author = this.pick(members);
    const type = this.pick(DEFAULT_INTERACTION_TYPES);
    const actionCount = Math.floor(this.random() * 3);
    const actions = [...new Set(Array.from({ length: actionCount }, () => this.pick(DEFAULT_ACTIONS)))];
    const yearAgo = this.now.getTime() - 365 * DAY;
    const occurredAt =
      along === undefined
        ? new Date(this.now.getTime() - Math.floor(this.random() * 365 * DAY))
        : new Date(Math.max(yearAgo, yearAgo + along * 365 * DAY - Math.floor(this.random() * 3 * DAY)));
    const createdAt = new Date(Math.min(this.now.getTime(), occurredAt.getTime() + this.random() * 2 * DAY));
    const description = this.description();
    const important = this.chance(0.1);
    let followUp: Interaction['followUp'];
    if (this.chance(0.1)) {
      const dueAt = new Date(occurredAt.getTime() + (1 + Math.floor(this.random() * 14)) * DAY);
      const assigneeId = author.userId;
      if (dueAt < this.now && this.chance(0.7)) {
        const doneAt = new Date(Math.min(this.now.getTime(), dueAt.getTime() + this.random() * 2 * DAY));
        followUp = { dueAt, assigneeId, status: 'done', doneAt, doneBy: assigneeId };
      } else {
        followUp = { dueAt, assigneeId, status: 'open' };
      }
    }
    return contacts.map((contact, index) => {
      const id = index === 0 ? eventId : this.ids.next();
      const interaction: Interaction = {
        id,
        workspaceId: this.workspaceId,
        eventId,
        contactId: contact.id,
        contactName: `${contact.firstName} ${contact.lastName}`.trim(),
        ...(contact.organisationId ? { organisationId: contact.organisationId } : {}),
        type,
        actions,
        description,
        occurredAt,
        createdAt,
        updatedAt: createdAt,
        authorId: author.userId,
        authorName: author.displayName,
        important,
        ...(followUp ? { followUp } : {}),
        attachments: [],
        source: { kind: 'import' },
        idempotencyKey: `${this.tag}:${id}:${contact.id}`,
      };
      const channel = CHANNEL_OF[type];
      if (channel) interaction.channel = channel;
      if (type === 'Visit' && contact.address?.street) {
        interaction.visitAddress = `${contact.address.street}, ${contact.address.city ?? ''}`.trim();
      }
      return interaction;
    });
  }

  /** The contacts of the next event: one most of the time, two to six for a tenth of them. */
  pickEventContacts(contacts: readonly Contact[], room: number): Contact[] {
    const size = this.chance(0.1) ? 2 + Math.floor(this.random() * 5) : 1;
    const chosen = new Map<string, Contact>();
    for (let tries = 0; chosen.size < Math.min(size, room) && tries < size * 3; tries++) {
      const contact = this.pickContact(contacts);
      chosen.set(contact.id, contact);
    }
    return [...chosen.values()];
  }
}
