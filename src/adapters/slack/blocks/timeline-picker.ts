import type { SectionBlock } from '@slack/types';
import { PICKER_MAX, type TimelineCandidate } from '../../../core/queries/timeline-subject.js';
import { ResultActionId } from '../ids.js';
import { ButtonValue, encodeValue } from '../payloads/action-values.js';
import { button, context, header, type SlackMessage, section } from './block-kit.js';
import { escapeAndTruncate } from './limits.js';

/** "Several contacts match": one line per match with a button that shows its timeline in place. */
export function pickerMessage(query: string, candidates: readonly TimelineCandidate[]): SlackMessage {
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
