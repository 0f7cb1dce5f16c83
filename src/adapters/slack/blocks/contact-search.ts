import type { KnownBlock } from '@slack/types';
import type { Contact } from '../../../core/contacts/contact.js';
import { FIND_LIMIT_MAX } from '../../../core/contacts/contact.schemas.js';
import type { Actor } from '../../../core/shared/actor.js';
import { context, plural, type SlackMessage, section } from './block-kit.js';
import { type ContactButton, contactCard } from './contact-card.js';
import { escapeAndTruncate } from './limits.js';

/** Shown per search; the rest is counted ("and 12 more"). */
export const CONTACTS_SHOWN = 10;
const QUERY_SHOWN = 80;

export interface ContactMatches {
  /** The contacts to show, at most CONTACTS_SHOWN. */
  shown: Contact[];
  /** How many more matched; `atLeast` when the search stopped at its limit. */
  more: number;
  atLeast: boolean;
}

export function moreNote(matches: ContactMatches): string | undefined {
  if (matches.more === 0) return undefined;
  const count = matches.atLeast ? `at least ${matches.more}` : String(matches.more);
  return `…and ${count} more. Type more of the name, email or phone to narrow the search.`;
}

export function searchTitle(text: string): string {
  return text.trim() ? `“${escapeAndTruncate(text.trim(), QUERY_SHOWN).text}”` : 'all contacts';
}

export function contactSearchMessage(
  text: string,
  matches: ContactMatches,
  actor: Actor,
  organisations: ReadonlyMap<string, string>,
): SlackMessage {
  const title = searchTitle(text);
  if (matches.shown.length === 0) {
    return {
      text: `No contact matches ${title}.`,
      blocks: [
        section(`:mag: No contact matches ${title}.`),
        context([
          'Add one with `/interaction contact add`, or import a CSV with `/interaction contact import`.',
        ]),
      ],
    };
  }
  const total = matches.shown.length + matches.more;
  const wanted: ContactButton[] = ['log', 'timeline', 'edit', 'merge'];
  const count = matches.atLeast ? `${FIND_LIMIT_MAX}+ contacts` : plural(total, 'contact');
  const heading = text.trim()
    ? `:mag: ${count} ${total === 1 && !matches.atLeast ? 'matches' : 'match'} ${title}`
    : `:busts_in_silhouette: Contacts, A to Z (${count})`;
  const blocks: KnownBlock[] = [section(heading)];
  for (const contact of matches.shown) {
    const organisation = contact.organisationId ? organisations.get(contact.organisationId) : undefined;
    blocks.push(...contactCard(contact, actor, wanted, organisation));
  }
  const note = moreNote(matches);
  if (note) blocks.push(context([note]));
  return { text: `Contacts matching ${title}`, blocks };
}
