import type { KnownBlock, ModalView } from '@slack/types';
import { ContactActionId, ContactBlockId, ContactCallbackId, ContactSearchField } from '../ids.js';
import { ContactButtonValue, encodeValue } from '../payloads/action-values.js';
import { button, context, section } from './block-kit.js';
import { contactLines } from './contact-card.js';
import { type ContactMatches, moreNote, searchTitle } from './contact-search.js';
import { modal, textInput } from './modal-kit.js';

/**
 * The search form, with the results of the last search under it so the user can refine in place.
 * Results only open timelines: editing or logging from inside a modal would need a second modal.
 */
export function contactSearchView(
  text: string,
  results: { matches: ContactMatches; organisations: ReadonlyMap<string, string> } | undefined,
): ModalView {
  const blocks: KnownBlock[] = [
    textInput(ContactSearchField.text, 'Name, email or phone', {
      initial: text,
      maxLength: 100,
      placeholder: 'e.g. levy, marie@example.org, 06 12',
    }),
  ];
  if (results) {
    const { matches, organisations } = results;
    if (matches.shown.length === 0) blocks.push(section(`:mag: No contact matches ${searchTitle(text)}.`));
    for (const contact of matches.shown) {
      const organisation = contact.organisationId ? organisations.get(contact.organisationId) : undefined;
      blocks.push(
        section(contactLines(contact, organisation), {
          block_id: ContactBlockId.result(contact.id),
          accessory: button(
            'See all interactions',
            ContactActionId.timeline,
            encodeValue(ContactButtonValue.contact, { c: contact.id }),
          ),
        }),
      );
    }
    const note = moreNote(matches);
    if (note) blocks.push(context([note]));
  }
  blocks.push(
    context(['To edit, merge or log for a contact, use `/interaction contact find <name>` in a channel.']),
  );
  return modal(ContactCallbackId.search, 'Find a contact', blocks, { submit: 'Search', close: 'Close' });
}
