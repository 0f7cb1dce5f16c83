import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { LogInteractionResult } from '../../../core/interactions/log-interaction.js';
import type { Actor } from '../../../core/shared/actor.js';
import { Verb } from '../ids.js';
import { userText } from '../limits.js';
import { adaptiveCard, execute, subtle, text } from './card-kit.js';

/** "Logged: Call with Ann Lévy." (or "Already logged: …" for a replay), escaped. */
export function loggedSentence(result: LogInteractionResult): string {
  const first = result.interactions[0];
  const names = result.contacts.map((contact) => userText(contact.name, 80)).join(', ');
  const what = first ? userText(first.type, 60) : 'Interaction';
  return result.replayed ? `Already logged: ${what} with ${names}.` : `Logged: ${what} with ${names}.`;
}

/**
 * The confirmation of a log, whichever way it was made (dialog, inline form, one typed line):
 * what was logged, with whom, by whom, and a button to each contact's timeline.
 */
export function loggedCard(result: LogInteractionResult, actor: Actor): IAdaptiveCard {
  const buttons = result.contacts.slice(0, 5).map((contact) =>
    execute(`${userText(contact.name, 30)}'s timeline`, Verb.timelineOpen, {
      ref: { k: 'contact', s: contact.id },
    }),
  );
  return adaptiveCard(
    [
      text(`✅ ${loggedSentence(result)}`, { weight: 'Bolder' }),
      subtle(`By ${userText(actor.displayName ?? 'you', 80)}`),
    ],
    buttons,
  );
}
