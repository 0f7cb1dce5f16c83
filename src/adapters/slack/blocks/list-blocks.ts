import type { Button } from '@slack/types';
import { countPhrase } from '../../../core/views/count-phrase.js';
import type { FilterChip } from '../../../core/views/filter-summary.js';
import type { ListView } from '../../../core/views/list-view.js';
import { ActionId, BlockId } from '../ids.js';
import { ButtonValue, filterToValue, tryEncodeValue } from '../payloads/action-values.js';
import {
  actions,
  BlockBudget,
  button,
  context,
  header,
  mention,
  type RenderOptions,
  type SlackMessage,
} from './block-kit.js';
import { emptyNote } from './interaction-item-blocks.js';
import { fillItems } from './item-list.js';
import { escapeAndTruncate, LIMITS } from './limits.js';
import { showingNote } from './timeline-blocks.js';

const FOOTER_RESERVE = { blocks: 2, text: 400 };
/** A chip's value is a summary; the filter form shows it whole. */
const CHIP_VALUE_MAX = 100;

/** "*Type:* Call, Visit": authors as real mentions built from ids, everything else escaped. */
export function chipText(chip: FilterChip): string {
  const value =
    chip.userIds && chip.userIds.length > 0
      ? chip.userIds.map((id) => mention(id, id)).join(', ')
      : escapeAndTruncate(chip.value, CHIP_VALUE_MAX).text;
  return `*${chip.label}:* ${value}`;
}

/**
 * F10 list message: active filters, total, the same items as a timeline (with contact
 * names), paging and Export. The buttons carry the whole query; when it is too long for a
 * button value they are left out and the note says how to narrow or export instead.
 */
export function listToBlocks(view: ListView, options: RenderOptions): SlackMessage {
  const budget = new BlockBudget(LIMITS.messageBlocks, LIMITS.messageTextBudget);
  const results = countPhrase(view.total, view.moreThanTotal, 'result');
  budget.add([header(`${view.title} · ${results}`)]);
  const chips = view.chips.map(chipText).join('  ·  ');
  budget.add([context([chips ? `Filters: ${chips}` : 'No filters: every interaction of the workspace'])]);
  if (view.items.length === 0) budget.add([emptyNote('Nothing matches these filters.')]);

  const filled = fillItems(
    budget,
    view.items,
    view.paging,
    { ...options, showContact: true, canLog: view.canLog },
    FOOTER_RESERVE,
  );

  const query = { f: filterToValue(view.filter), s: view.sort };
  const queryValue = tryEncodeValue(ButtonValue.list, query);
  const note = showingNote(filled.shown, view.total, view.moreThanTotal);
  if (queryValue === undefined) {
    budget.add([
      context([
        'These filters are too long for buttons. Narrow them, or use `/interaction export` with the same filters.',
      ]),
    ]);
  } else if (note) {
    budget.add([note]);
  }

  const buttons: Button[] = [];
  if (view.canLog) buttons.push(button('Log interaction', ActionId.logInteraction));
  if (queryValue !== undefined) {
    if (view.total > 0) buttons.push(button('Export CSV', ActionId.listExport, queryValue));
    buttons.push(button('Refine filters', ActionId.listRefine, queryValue));
    const { prevCursor, nextCursor } = filled.paging;
    const newer = prevCursor ? tryEncodeValue(ButtonValue.list, { ...query, c: prevCursor }) : undefined;
    const older = nextCursor ? tryEncodeValue(ButtonValue.list, { ...query, c: nextCursor }) : undefined;
    if (newer) buttons.push(button('◀ Newer', ActionId.listNewer, newer));
    if (older) buttons.push(button('Older ▶', ActionId.listOlder, older));
  }
  if (buttons.length > 0) budget.add([actions(BlockId.listActions, buttons)]);

  return { text: `Interactions: ${results}`, blocks: budget.blocks };
}
