import type { SectionBlock } from '@slack/types';
import { type Contact, contactDisplayName } from '../../../core/contacts/contact.js';
import { foldForSearch } from '../../../core/shared/text.js';
import { presentContactTimeline, presentOrganisationTimeline } from '../../../core/views/timeline-view.js';
import { escapeAndTruncate } from '../blocks/limits.js';
import { ButtonValue, encodeValue, ResultActionId } from '../ids.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
import { button, context, header, type SlackMessage, section } from '../views/blocks.js';
import { timelineToBlocks } from '../views/timeline-blocks.js';
import type { PageRequest } from './list-message.js';
import { findOrganisationByName } from './query.js';
import { renderOptionsOf } from './render-options.js';

/** Items per timeline message (the core's default page). */
export const TIMELINE_PAGE_SIZE = 10;
/** Matches offered in the picker; more means the query should be narrower. */
const PICKER_MAX = 10;

export interface TimelineRef {
  k: 'contact' | 'organisation';
  s: string;
}

interface Candidate {
  ref: TimelineRef;
  name: string;
  detail?: string;
}

export type SubjectMatch =
  | { kind: 'one'; ref: TimelineRef }
  | { kind: 'many'; candidates: Candidate[] }
  | { kind: 'none'; what: 'contact' | 'organisation'; name: string };

/** `org:Acme` (also organisation:/organization:) asks for the organisation timeline (F9). */
const ORGANISATION_PREFIX = /^(?:org|organisation|organization):\s*(.+)$/i;

function contactCandidate(contact: Contact): Candidate {
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
  deps: SlackDeps,
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
  if (only) return { kind: 'one', ref: { k: 'contact', s: only.id } };
  return { kind: 'many', candidates: contacts.map(contactCandidate) };
}

/** F8/F9: one page of a contact's or an organisation's timeline as a message. */
export async function timelineMessage(
  tenant: Tenant,
  deps: SlackDeps,
  ref: TimelineRef,
  page: PageRequest = {},
): Promise<SlackMessage> {
  const { actor } = tenant;
  const { interactions, clock } = deps.container;
  const paging = {
    limit: TIMELINE_PAGE_SIZE,
    ...(page.cursor ? { cursor: page.cursor, direction: page.direction ?? 'older' } : {}),
  };
  const now = clock.now();
  const options = renderOptionsOf(tenant.workspace);
  if (ref.k === 'contact') {
    const timeline = await interactions.contactTimeline(actor, { contactId: ref.s, ...paging });
    return timelineToBlocks(presentContactTimeline(timeline.contact, timeline, actor, now), options);
  }
  const timeline = await interactions.organisationTimeline(actor, { organisationId: ref.s, ...paging });
  const organisation = timeline.organisation ?? {
    id: ref.s,
    workspaceId: actor.workspaceId,
    name: 'Organisation',
    nameKey: '',
    createdAt: now,
  };
  return timelineToBlocks(presentOrganisationTimeline(organisation, timeline, actor, now), options);
}

/** "Several contacts match": one line per match with a button that shows its timeline in place. */
export function pickerMessage(query: string, candidates: readonly Candidate[]): SlackMessage {
  const shown = candidates.slice(0, PICKER_MAX);
  const what = shown[0]?.ref.k === 'organisation' ? 'organisations' : 'contacts';
  const quoted = escapeAndTruncate(query, 100).text;
  const rows: SectionBlock[] = shown.map((candidate) => {
    const name = escapeAndTruncate(candidate.name || '(no name)', 150).text;
    const detail = candidate.detail ? `\n${escapeAndTruncate(candidate.detail, 200).text}` : '';
    const value = encodeValue(ButtonValue.timeline, candidate.ref);
    return section(`*${name}*${detail}`, {
      accessory: button('Show timeline', ResultActionId.timelinePick, value),
    });
  });
  const blocks = [
    header(`Several ${what} match`),
    context([`Which one did you mean by “${quoted}”? Pick one to see its timeline.`]),
    ...rows,
  ];
  if (candidates.length >= PICKER_MAX) {
    blocks.push(context(['Not in the list? Type more of the name, or the email address.']));
  }
  return { text: `Several ${what} match “${quoted}”`, blocks };
}
