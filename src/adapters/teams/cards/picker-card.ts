import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { PICKER_MAX, type TimelineCandidate } from '../../../core/queries/timeline-subject.js';
import { Verb } from '../ids.js';
import { userText } from '../limits.js';
import { actionSet, adaptiveCard, execute, subtle, text } from './card-kit.js';

/** "Several contacts match": one row per match with a button that shows its timeline in place. */
export function pickerCard(query: string, candidates: readonly TimelineCandidate[]): IAdaptiveCard {
  const shown = candidates.slice(0, PICKER_MAX);
  const what = shown[0]?.ref.k === 'organisation' ? 'organisations' : 'contacts';
  const rows = shown.flatMap((candidate) => [
    text(`**${userText(candidate.name || '(no name)', 150)}**`, { separator: true }),
    ...(candidate.detail ? [subtle(userText(candidate.detail, 200))] : []),
    actionSet([execute('Show timeline', Verb.timelineOpen, { ref: candidate.ref })]),
  ]);
  const more =
    candidates.length >= PICKER_MAX
      ? [subtle('Not in the list? Type more of the name, or the email address.')]
      : [];
  return adaptiveCard([
    text(`Several ${what} match`, { size: 'Medium', weight: 'Bolder' }),
    subtle(`Which one did you mean by “${userText(query, 100)}”? Pick one to see its timeline.`),
    ...rows,
    ...more,
  ]);
}
