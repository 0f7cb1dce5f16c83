import { type Contact, contactDisplayName } from '../contacts/contact.js';
import { foldForSearch } from '../shared/text.js';
import {
  presentContactTimeline,
  presentOrganisationTimeline,
  type TimelineView,
} from '../views/timeline-view.js';
import type { Tenant } from '../workspaces/tenant.js';
import type { PageRequest, QueryDeps } from './query-deps.js';
import { findOrganisationByName } from './result-query.js';

/** Items per timeline message (the core's default page). */
export const TIMELINE_PAGE_SIZE = 10;
/** Matches offered in the picker; more means the query should be narrower. */
export const PICKER_MAX = 10;

/** A timeline subject as buttons carry it: short keys keep the payload small. */
export interface TimelineRef {
  k: 'contact' | 'organisation';
  s: string;
}

export interface TimelineCandidate {
  ref: TimelineRef;
  name: string;
  detail?: string;
}

export type SubjectMatch =
  /** `contact`: the contact found, so showing its timeline need not read it again. */
  | { kind: 'one'; ref: TimelineRef; contact?: Contact }
  | { kind: 'many'; candidates: TimelineCandidate[] }
  | { kind: 'none'; what: 'contact' | 'organisation'; name: string };

/** `org:Acme` (also organisation:/organization:) asks for the organisation timeline (F9). */
const ORGANISATION_PREFIX = /^(?:org|organisation|organization):\s*(.+)$/i;

function contactCandidate(contact: Contact): TimelineCandidate {
  const detail = [contact.emails[0], contact.phones[0]].filter(Boolean).join(' · ');
  return {
    ref: { k: 'contact', s: contact.id },
    name: contactDisplayName(contact),
    ...(detail ? { detail } : {}),
  };
}

/**
 * The contact a typed name or email means among search results: the only result, or the only
 * one whose whole name or an email is exactly what was typed. Otherwise undefined: ambiguous.
 */
export function uniqueMatch(contacts: readonly Contact[], query: string): Contact | undefined {
  if (contacts.length === 1) return contacts[0];
  const key = foldForSearch(query);
  const exact = contacts.filter(
    (contact) =>
      foldForSearch(contactDisplayName(contact)) === key || contact.emails.some((email) => email === key),
  );
  return exact.length === 1 ? exact[0] : undefined;
}

/**
 * Which timeline `timeline <query>` means. One match, or one exact match by name or email
 * among several, opens directly; otherwise the user picks (ambiguity is never guessed away).
 */
export async function findTimelineSubject(
  tenant: Tenant,
  deps: QueryDeps,
  query: string,
): Promise<SubjectMatch> {
  const organisation = ORGANISATION_PREFIX.exec(query.trim());
  if (organisation?.[1]) {
    const name = organisation[1].trim();
    const { match, candidates } = await findOrganisationByName(tenant, deps, name);
    if (match) return { kind: 'one', ref: { k: 'organisation', s: match.id } };
    if (candidates.length === 0) return { kind: 'none', what: 'organisation', name };
    return {
      kind: 'many',
      candidates: candidates.map((org) => ({ ref: { k: 'organisation', s: org.id }, name: org.name })),
    };
  }
  const contacts = await deps.container.contacts.findContacts(tenant.actor, {
    text: query,
    limit: PICKER_MAX,
  });
  if (contacts.length === 0) return { kind: 'none', what: 'contact', name: query };
  const only = uniqueMatch(contacts, query);
  if (only) return { kind: 'one', ref: { k: 'contact', s: only.id }, contact: only };
  return { kind: 'many', candidates: contacts.map(contactCandidate) };
}

/** F8/F9: one page of a contact's or an organisation's timeline as the neutral view. */
export async function loadTimelineView(
  tenant: Tenant,
  deps: QueryDeps,
  ref: TimelineRef,
  page: PageRequest = {},
  known?: Contact,
): Promise<TimelineView> {
  const { actor } = tenant;
  const { interactions, clock } = deps.container;
  const paging = {
    limit: TIMELINE_PAGE_SIZE,
    ...(page.cursor ? { cursor: page.cursor, direction: page.direction ?? 'older' } : {}),
  };
  const now = clock.now();
  if (ref.k === 'contact') {
    const timeline = await interactions.contactTimeline(actor, { contactId: ref.s, ...paging }, known);
    return presentContactTimeline(timeline.contact, timeline, actor, now);
  }
  const timeline = await interactions.organisationTimeline(actor, { organisationId: ref.s, ...paging });
  const organisation = timeline.organisation ?? {
    id: ref.s,
    workspaceId: actor.workspaceId,
    name: 'Organisation',
    nameKey: '',
    createdAt: now,
  };
  return presentOrganisationTimeline(organisation, timeline, actor, now);
}

/** Names typed after `log` that are looked up; the form's picker handles any more. */
export const NAMED_CONTACTS_MAX = 10;
/** A few results per name are enough to tell "exactly one" from "ambiguous". */
const MATCHES_PER_NAME = 5;
/** The search's own maximum; longer text cannot name a contact. */
const NAME_LENGTH_MAX = 100;

/** What the names typed after `log` designate, decided once for Slack and Teams. */
export interface NamedContacts {
  /** The contacts named unambiguously, once each, in the order typed. */
  contacts: Contact[];
  /** The names, as typed, that found nobody or several people (or were not searched): the form picks them. */
  unresolved: string[];
}

/**
 * `log ann, bob@x.org`: which contacts the typed names designate. A name resolves when its
 * search finds exactly one contact, or one whose whole name or email is what was typed; "ann"
 * resolves to Ann Lévy when she is the only Ann. Judged per name, never by comparing the typed
 * text with the found names afterwards.
 */
export async function namedContacts(
  tenant: Tenant,
  deps: QueryDeps,
  names: readonly string[],
): Promise<NamedContacts> {
  const searchable = (name: string, index: number) =>
    index < NAMED_CONTACTS_MAX && name.length > 0 && name.length <= NAME_LENGTH_MAX;
  const matches = await Promise.all(
    names.map(async (text, index) => {
      if (!searchable(text, index)) return undefined;
      const found = await deps.container.contacts.findContacts(tenant.actor, {
        text,
        limit: MATCHES_PER_NAME,
      });
      return uniqueMatch(found, text);
    }),
  );
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  const unresolved: string[] = [];
  matches.forEach((match, index) => {
    if (!match) {
      unresolved.push(names[index] ?? '');
      return;
    }
    if (seen.has(match.id)) return;
    seen.add(match.id);
    contacts.push(match);
  });
  return { contacts, unresolved };
}
