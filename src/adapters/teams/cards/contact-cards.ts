import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import { LOG_LINE_EXAMPLE } from '../../../core/commands/log-line-grammar.js';
import { type Contact, contactDisplayName } from '../../../core/contacts/contact.js';
import { Dialog, Verb } from '../ids.js';
import { userText } from '../limits.js';
import {
  actionSet,
  adaptiveCard,
  type CardAction,
  execute,
  logDialogFor,
  openDialog,
  subtle,
  text,
} from './card-kit.js';

export function contactDetail(contact: Contact): string {
  return [contact.emails[0], contact.phones[0]].filter(Boolean).join(' · ');
}

function contactRow(contact: Contact, canLog: boolean): CardElement[] {
  const detail = contactDetail(contact);
  const actions: CardAction[] = [
    execute('Timeline', Verb.timelineOpen, { ref: { k: 'contact', s: contact.id }, asNew: true }),
  ];
  if (canLog)
    actions.push(
      openDialog(
        'Log interaction',
        Dialog.log,
        logDialogFor([{ id: contact.id, name: contactDisplayName(contact) }]),
      ),
    );
  return [
    text(`**${userText(contactDisplayName(contact) || '(no name)', 150)}**`, { separator: true }),
    ...(detail ? [subtle(userText(detail, 200))] : []),
    actionSet(actions),
  ];
}

/** F11 `contact find <text>`: matches with Timeline and Log buttons. */
export function contactResultsCard(query: string, contacts: Contact[], canLog: boolean): IAdaptiveCard {
  const title =
    contacts.length === 0
      ? `No contact matches “${userText(query, 100)}”`
      : `Contacts matching “${userText(query, 100)}”`;
  return adaptiveCard(
    [
      text(title, { size: 'Medium', weight: 'Bolder' }),
      ...contacts.flatMap((contact) => contactRow(contact, canLog)),
    ],
    canLog ? [openDialog('Add a contact', Dialog.contactAdd)] : [],
  );
}

/**
 * `log ann, bob`: dialogs open only from a button (Teams has no trigger id for a typed
 * message), so the answer is a card whose button opens the log dialog with those contacts,
 * and a second one that shows the same form right here for clients that cannot open dialogs.
 */
export function logPromptCard(contacts: Contact[], unresolved: string[]): IAdaptiveCard {
  const names = contacts.map((contact) => userText(contactDisplayName(contact), 100));
  const body: CardElement[] = [
    text(names.length > 0 ? `Log an interaction with ${names.join(', ')}` : 'Log an interaction', {
      weight: 'Bolder',
    }),
  ];
  if (unresolved.length > 0) {
    body.push(
      subtle(
        `Not found or ambiguous: ${unresolved.map((name) => userText(name, 60)).join(', ')}. Pick them in the form.`,
      ),
    );
  }
  const chosen = logDialogFor(contacts.map((c) => ({ id: c.id, name: contactDisplayName(c) })));
  body.push(subtle(`Or in one line: ${userText(LOG_LINE_EXAMPLE, 100)}`));
  return adaptiveCard(body, [
    openDialog('Open the log form', Dialog.log, chosen),
    // Clients without dialogs (the Agents Playground) get the same form in this card.
    execute('Log here', Verb.logHere, chosen),
  ]);
}
