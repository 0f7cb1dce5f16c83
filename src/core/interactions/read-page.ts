import type { Actor } from '../shared/actor.js';
import { ValidationError } from '../shared/errors.js';
import { decodeCursor, encodeCursor, type Page, type PageCursor } from '../shared/paging.js';
import { countLimitFor, countResult } from './count-limit.js';
import type { InteractionServiceDeps } from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import type { InteractionFilter, ListSort } from './interaction-filter.js';

export interface PageRequest {
  filter: InteractionFilter;
  sort: ListSort;
  limit: number;
  cursor?: string | undefined;
  direction: 'older' | 'newer';
}

function cursorOf(item: Interaction, sort: ListSort): string {
  const cursor: PageCursor = { at: item.occurredAt.toISOString(), id: item.id };
  return encodeCursor(sort === 'type' ? { ...cursor, key: item.type } : cursor);
}

function decode(raw: string, sort: ListSort): PageCursor {
  const cursor = decodeCursor(raw);
  if (sort === 'type' && cursor.key === undefined) {
    throw new ValidationError({
      cursor: 'This page link is no longer valid. Start again from the first page.',
    });
  }
  return cursor;
}

/**
 * One keyset page in display order (newest first, or by type then newest) with the total.
 * "older" reads beyond the cursor, "newer" reads before it; nextCursor leads to older items and
 * is absent on the last page, prevCursor leads to newer ones and is absent on the first page.
 */
export async function readPage(
  deps: Pick<InteractionServiceDeps, 'interactions' | 'clock'>,
  actor: Actor,
  request: PageRequest,
): Promise<Page<Interaction>> {
  const cursor = request.cursor ? decode(request.cursor, request.sort) : undefined;
  const now = deps.clock.now();
  const direction = cursor ? request.direction : 'older';
  const { items, hasMore } = await deps.interactions.page(
    actor.workspaceId,
    {
      filter: request.filter,
      sort: request.sort,
      limit: request.limit,
      direction,
      ...(cursor ? { cursor } : {}),
    },
    now,
  );
  // A first page that holds everything is its own total: no second query (the common case).
  const limit = countLimitFor(request.filter);
  const { total, moreThan } =
    !cursor && !hasMore
      ? { total: items.length, moreThan: false }
      : countResult(await deps.interactions.count(actor.workspaceId, request.filter, now, limit), limit);
  const first = items[0];
  const last = items.at(-1);
  // Beyond the cursor in the other direction lies at least the cursor's own page.
  const olderExist = direction === 'older' ? hasMore : cursor !== undefined;
  const newerExist = direction === 'newer' ? hasMore : cursor !== undefined;
  const page: Page<Interaction> = { items, total };
  if (moreThan) page.moreThanTotal = true;
  if (olderExist) {
    const next = last ? cursorOf(last, request.sort) : request.cursor;
    if (next) page.nextCursor = next;
  }
  if (newerExist) {
    const prev = first ? cursorOf(first, request.sort) : request.cursor;
    if (prev) page.prevCursor = prev;
  }
  return page;
}
