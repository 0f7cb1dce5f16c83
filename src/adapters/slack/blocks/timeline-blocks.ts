import type { Button, KnownBlock } from '@slack/types';
import { countPhrase } from '../../../core/views/count-phrase.js';
import type { TimelineView } from '../../../core/views/timeline-view.js';
import { ActionId, BlockId } from '../ids.js';
import { ButtonValue, encodeValue } from '../payloads/action-values.js';
import {
  actions,
  BlockBudget,
  button,
  context,
  header,
  plural,
  type RenderOptions,
  type SlackMessage,
} from './block-kit.js';
import { emptyNote } from './interaction-item-blocks.js';
import { fillItems } from './item-list.js';
import { escapeMrkdwn, LIMITS, truncateText } from './limits.js';

/** Room kept for the footer note and the button row after the items. */
const FOOTER_RESERVE = { blocks: 2, text: 400 };

/** Header "Yossi Lévy · 6 interactions": the name is cut first so the count always shows. */
export function countedTitle(name: string, total: number): string {
  const suffix = ` · ${plural(total, 'interaction')}`;
  return truncateText(name, LIMITS.headerText - suffix.length) + suffix;
}

/** "Showing 20 of 60 interactions" whenever the message does not hold them all. */
export function showingNote(shown: number, total: number, moreThan = false): KnownBlock | undefined {
  if (shown >= total && !moreThan) return undefined;
  return context([
    `Showing ${shown.toLocaleString('en-US')} of ${countPhrase(total, moreThan, 'interaction')}`,
  ]);
}

/**
 * F8/F9 timeline message: header with the total, one compact item per interaction, then
 * Log / Export / Newer / Older. Always within 50 blocks and the text budget; Older/Newer
 * carry the subject and cursor so the listener can update the message in place.
 */
export function timelineToBlocks(view: TimelineView, options: RenderOptions): SlackMessage {
  const budget = new BlockBudget(LIMITS.messageBlocks, LIMITS.messageTextBudget);
  budget.add([header(countedTitle(view.title, view.total))]);
  if (view.subject.kind === 'organisation') {
    budget.add([context(['Organisation timeline: interactions of all its contacts, newest first'])]);
  }
  if (view.items.length === 0) budget.add([emptyNote('No interactions logged yet.')]);

  const filled = fillItems(
    budget,
    view.items,
    view.paging,
    { ...options, showContact: view.subject.kind === 'organisation', canLog: view.canLog },
    FOOTER_RESERVE,
  );
  const note = showingNote(filled.shown, view.total);
  if (note) budget.add([note]);

  const subject = { k: view.subject.kind, s: view.subject.id } as const;
  const plainValue = encodeValue(ButtonValue.timeline, subject);
  const buttons: Button[] = [];
  if (view.canLog) buttons.push(button('Log interaction', ActionId.timelineLog, plainValue, 'primary'));
  if (view.total > 0) buttons.push(button('Export CSV', ActionId.timelineExport, plainValue));
  const { prevCursor, nextCursor } = filled.paging;
  if (prevCursor) {
    const value = encodeValue(ButtonValue.timeline, { ...subject, c: prevCursor });
    buttons.push(button('◀ Newer', ActionId.timelineNewer, value));
  }
  if (nextCursor) {
    const value = encodeValue(ButtonValue.timeline, { ...subject, c: nextCursor });
    buttons.push(button('Older ▶', ActionId.timelineOlder, value));
  }
  if (buttons.length > 0) budget.add([actions(BlockId.timelineActions, buttons)]);

  return {
    text: `Timeline of ${escapeMrkdwn(view.title)}: ${plural(view.total, 'interaction')}`,
    blocks: budget.blocks,
  };
}
