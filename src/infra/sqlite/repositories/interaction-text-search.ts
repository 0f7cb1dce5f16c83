import type { InteractionFilter } from '../../../core/interactions/interaction-filter.js';
import { foldForSearch } from '../../../core/shared/text.js';
import type { SqliteDatabase } from '../database.js';

/**
 * At most this many rows (all workspaces together) hold the text's trigrams: the search reads
 * them from the words index and sorts them, instead of walking the workspace's date index.
 * Above it the text is common enough that the walk fills a page within a few rows.
 */
export const WORDS_INDEX_MAX_ROWS = 10_000;

/**
 * The FTS5 query "these trigrams of the text" (each quoted, so no character is query syntax):
 * side by side, every third one and the last, so each character is in one of them and the index
 * reads a third of the lists. It finds every row whose folded description contains the text,
 * and a few more (the same trigrams elsewhere): the caller keeps the instr() test, so the rows
 * are exactly the substring's. Undefined for text shorter than a trigram.
 */
export function trigramQuery(folded: string): string | undefined {
  const characters = Array.from(folded);
  if (characters.length < 3) return undefined;
  const trigrams = new Set<string>();
  const last = characters.length - 3;
  for (let start = 0; start < last; start += 3) trigrams.add(characters.slice(start, start + 3).join(''));
  trigrams.add(characters.slice(last).join(''));
  return [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * The words index query to drive the read with, when the filter's description text is rare
 * enough; undefined to walk an index of the workspace instead (no text, short text, common text).
 * One capped count on the index decides: it reads at most WORDS_INDEX_MAX_ROWS + 1 entries.
 */
export function rareTextQuery(database: SqliteDatabase, filter: InteractionFilter): string | undefined {
  const query = trigramQuery(foldForSearch(filter.text ?? ''));
  if (!query) return undefined;
  const row = database.get(
    'SELECT count(*) AS n FROM (SELECT 1 FROM interactions_text WHERE interactions_text MATCH ? LIMIT ?)',
    query,
    WORDS_INDEX_MAX_ROWS + 1,
  );
  return Number(row?.n ?? 0) <= WORDS_INDEX_MAX_ROWS ? query : undefined;
}
