import { ValidationError } from './errors.js';

/**
 * Keyset (cursor) paging over a sort on (date, id). Cursors are opaque to callers:
 * base64url of the boundary item's sort values, so "older"/"newer" survive inserts
 * that would shift an offset.
 */
export interface PageCursor {
  at: string; // ISO date of the boundary item's sort date
  id: string; // boundary item's id, the tie-breaker
  key?: string; // optional leading sort value (e.g. the type when sorting by type)
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): PageCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'at' in parsed &&
      'id' in parsed &&
      typeof parsed.at === 'string' &&
      typeof parsed.id === 'string' &&
      !Number.isNaN(Date.parse(parsed.at))
    ) {
      const key = 'key' in parsed && typeof parsed.key === 'string' ? parsed.key : undefined;
      return key === undefined ? { at: parsed.at, id: parsed.id } : { at: parsed.at, id: parsed.id, key };
    }
  } catch {
    // fall through to the validation error below
  }
  throw new ValidationError({
    cursor: 'This page link is no longer valid. Start again from the first page.',
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  /** The count stopped (countLimitFor): more than `total` match. */
  moreThanTotal?: boolean;
  /** Cursor for the next (older) page, absent on the last page. */
  nextCursor?: string;
  /** Cursor for the previous (newer) page, absent on the first page. */
  prevCursor?: string;
}

export const PAGE_SIZE_MAX = 100;
