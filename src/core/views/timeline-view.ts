import { type Contact, contactDisplayName, type Organisation } from '../contacts/contact.js';
import type { Interaction } from '../interactions/interaction.js';
import { type Actor, canWrite } from '../shared/actor.js';
import type { Page } from '../shared/paging.js';
import {
  type InteractionItemView,
  type PagingView,
  pagingOf,
  presentInteraction,
} from './interaction-item.js';

export type TimelineSubjectKind = 'contact' | 'organisation';

export interface TimelineSubject {
  kind: TimelineSubjectKind;
  id: string;
  name: string;
}

/** F8 (contact) and F9 (organisation) timelines: newest first, one page at a time. */
export interface TimelineView {
  title: string;
  subject: TimelineSubject;
  /** Every interaction of the subject, not only this page ("6 interactions"). */
  total: number;
  items: InteractionItemView[];
  paging: PagingView;
  /** Viewers read only, so surfaces hide "Log interaction" and "Log follow-up" from them. */
  canLog: boolean;
}

export function presentContactTimeline(
  contact: Contact,
  page: Page<Interaction>,
  actor: Actor,
  now: Date,
): TimelineView {
  const name = contactDisplayName(contact);
  return buildTimeline({ kind: 'contact', id: contact.id, name }, page, actor, now);
}

export function presentOrganisationTimeline(
  organisation: Organisation,
  page: Page<Interaction>,
  actor: Actor,
  now: Date,
): TimelineView {
  const subject: TimelineSubject = { kind: 'organisation', id: organisation.id, name: organisation.name };
  return buildTimeline(subject, page, actor, now);
}

function buildTimeline(
  subject: TimelineSubject,
  page: Page<Interaction>,
  actor: Actor,
  now: Date,
): TimelineView {
  return {
    title: subject.name,
    subject,
    total: page.total,
    items: page.items.map((interaction) => presentInteraction(interaction, actor, now, 'date')),
    paging: pagingOf(page),
    canLog: canWrite(actor),
  };
}
