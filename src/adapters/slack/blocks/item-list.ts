import type { KnownBlock } from '@slack/types';
import type { InteractionItemView, PagingView } from '../../../core/views/interaction-item.js';
import type { BlockBudget } from './block-kit.js';
import { type ItemRenderOptions, interactionItemBlocks } from './interaction-item-blocks.js';

export interface FilledItems {
  shown: number;
  /**
   * Paging after the cut: when items had to be dropped to fit, "Older" continues from the last
   * item shown rather than from the page's end, so the dropped ones come next instead of being skipped.
   */
  paging: PagingView;
}

/** Adds items in order while they fit, keeping `reserve` free for the blocks that follow. */
export function fillItems(
  budget: BlockBudget,
  items: readonly InteractionItemView[],
  paging: PagingView,
  options: ItemRenderOptions,
  reserve: { blocks: number; text: number },
): FilledItems {
  let shown = 0;
  for (const item of items) {
    const group: KnownBlock[] = interactionItemBlocks(item, options);
    if (!budget.tryAdd(group, reserve)) break;
    shown++;
  }
  if (shown === items.length) return { shown, paging };
  const last = items[shown - 1];
  const cut: PagingView = { ...paging };
  if (last) cut.nextCursor = last.cursor;
  return { shown, paging: cut };
}
