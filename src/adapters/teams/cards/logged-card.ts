import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { type LogInteractionResult, loggedVerb } from '../../../core/interactions/log-interaction.js';
import type { Actor } from '../../../core/shared/actor.js';
import { Verb } from '../ids.js';
import { truncate, userText } from '../limits.js';
import { adaptiveCard, execute, subtle, text } from './card-kit.js';

/**
 * "Logged: Call with Ann Lévy." (or "Already logged: …" for a replay). `cut` is `userText` for
 * markdown (cards) and `truncate` for plain text (a dialog's closing message, where a backslash
 * would show).
 */
export function loggedSentence(
  result: LogInteractionResult,
  cut: (text: string, max: number) => string = truncate,
): string {
  const first = result.interactions[0];
  const names = result.contacts.map((contact) => cut(contact.name, 80)).join(', ');
  const what = first ? cut(first.type, 60) : 'Interaction';
  if (result.replayed) return `${loggedVerb(result)}: ${what} with ${names}.`;
  const closed = result.closedFollowUp ? ' The follow-up is marked done.' : '';
  return `${loggedVerb(result)}: ${what} with ${names}.${closed}`;
}

/**
 * The confirmation of a log, whichever way it was made (dialog, inline form, one typed line):
 * what was logged, with whom, by whom, and a button to each contact's timeline.
 */
export function loggedCard(result: LogInteractionResult, actor: Actor): IAdaptiveCard {
  const buttons = result.contacts.slice(0, 5).map((contact) =>
    execute(`${truncate(contact.name, 30)}'s timeline`, Verb.timelineOpen, {
      ref: { k: 'contact', s: contact.id },
    }),
  );
  return adaptiveCard(
    [
      text(`✅ ${loggedSentence(result, userText)}`, { weight: 'Bolder' }),
      subtle(`By ${userText(actor.displayName ?? 'you', 80)}`),
    ],
    buttons,
  );
}
