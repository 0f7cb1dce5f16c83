import type { Button, KnownBlock } from '@slack/types';
import type { Contact } from '../../../core/contacts/contact.js';
import { contactDisplayName } from '../../../core/contacts/contact.js';
import type { Actor } from '../../../core/shared/actor.js';
import { canWrite } from '../../../core/shared/actor.js';
import { ContactActionId, ContactBlockId, ResultActionId } from '../ids.js';
import { ButtonValue, ContactButtonValue, encodeValue } from '../payloads/action-values.js';
import { actions, button, type SlackMessage, section } from './block-kit.js';
import { escapeAndTruncate } from './limits.js';

/** Caps per part, so one odd record never fills a message. */
const NAME_MAX = 120;
const DETAILS_MAX = 400;

/** "*Marie Lévy* · Acme" then "marie@x.org · 06 12 34 56 78": every user value escaped. */
export function contactLines(contact: Contact, organisationName?: string): string {
  const name = contactDisplayName(contact) || 'Unnamed contact';
  const title = [`*${escapeAndTruncate(name, NAME_MAX).text}*`];
  if (organisationName) title.push(escapeAndTruncate(organisationName, NAME_MAX).text);
  const details = [...contact.emails, ...contact.phones].join(' · ');
  const lines = [title.join(' · ')];
  if (details) lines.push(escapeAndTruncate(details, DETAILS_MAX).text);
  return lines.join('\n');
}

export type ContactButton = 'log' | 'timeline' | 'edit' | 'merge';

/** The buttons a contact shows; the writing ones only to people who can write. */
export function contactButtons(contact: Contact, actor: Actor, wanted: readonly ContactButton[]): Button[] {
  const value = encodeValue(ContactButtonValue.contact, { c: contact.id });
  const writer = canWrite(actor);
  const all: Record<ContactButton, Button | undefined> = {
    log: writer ? button('Log interaction', ContactActionId.log, value, 'primary') : undefined,
    // The results feature's timeline button: it draws the timeline in place of this message.
    timeline: button(
      'See all interactions',
      ResultActionId.timelinePick,
      encodeValue(ButtonValue.timeline, { k: 'contact', s: contact.id }),
    ),
    edit: writer ? button('Edit', ContactActionId.edit, value) : undefined,
    merge: writer ? button('Merge…', ContactActionId.merge, value) : undefined,
  };
  return wanted.flatMap((kind) => all[kind] ?? []);
}

/** One contact: its lines, then its buttons in a block of its own (action ids repeat per contact). */
export function contactCard(
  contact: Contact,
  actor: Actor,
  wanted: readonly ContactButton[],
  organisationName?: string,
): KnownBlock[] {
  const blocks: KnownBlock[] = [section(contactLines(contact, organisationName))];
  const buttons = contactButtons(contact, actor, wanted);
  if (buttons.length > 0) blocks.push(actions(ContactBlockId.result(contact.id), buttons));
  return blocks;
}

/** "Contact saved" with the two next steps the issue asks for: log, and see the timeline. */
export function contactSavedMessage(
  contact: Contact,
  actor: Actor,
  created: boolean,
  organisationName?: string,
): SlackMessage {
  const name = escapeAndTruncate(contactDisplayName(contact) || 'Unnamed contact', 120).text;
  const verb = created ? 'added' : 'updated';
  return {
    text: `Contact ${verb}: ${name}`,
    blocks: [
      section(`:white_check_mark: Contact ${verb}.`),
      ...contactCard(contact, actor, ['log', 'timeline'], organisationName),
    ],
  };
}
