import type { InteractionFilter } from '../../../core/interactions/interaction-filter.js';
import { foldForSearch } from '../../../core/shared/text.js';
import type { SqliteDatabase } from '../database.js';

/**
 * How a description text is searched, by how many rows (all workspaces together) hold its
 * trigrams: at most WORDS_INDEX_DRIVES_ROWS, the read starts from those rows and sorts them;
 * at most WORDS_INDEX_MAX_ROWS, the usual index walk tests each entry's row number against
 * them (no table read for the rows without the text); above that the text is common enough
 * that the walk's instr() test fills a page within a few rows.
 */
export const WORDS_INDEX_DRIVES_ROWS = 1_000;
export const WORDS_INDEX_MAX_ROWS = 20_000;

export interface WordsSearch {
  /** The FTS5 query (trigramQuery). */
  query: string;
  /** true: the read starts from the words index; false: the index walk tests membership. */
  drives: boolean;
}

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

/** How long a band decision is reused, and how many texts are remembered. */
const DECISION_TTL_MS = 60_000;
const DECISIONS_KEPT = 256;

/**
 * How to use the words index for a filter's description text, or undefined to walk an index
 * of the workspace with instr() alone (no text, text shorter than a trigram, common text).
 * One capped count on the index decides (it reads at most WORDS_INDEX_MAX_ROWS + 1 entries:
 * up to a few milliseconds for a common text at a million records). The decision is kept for
 * a minute: a list asks for a page and its count, then the next pages, with the same text. It
 * only chooses the plan — every band returns the same rows — so a stale one costs time, never
 * correctness.
 */
export class WordsSearchPlanner {
  private readonly decisions = new Map<string, { at: number; search: WordsSearch | undefined }>();

  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  plan(filter: InteractionFilter): WordsSearch | undefined {
    if (!filter.text) return undefined; // most lists: no folding, no trigrams to build
    const query = trigramQuery(foldForSearch(filter.text ?? ''));
    if (!query) return undefined;
    const at = this.now();
    const kept = this.decisions.get(query);
    if (kept && at - kept.at < DECISION_TTL_MS) return kept.search;
    const search = this.decide(query);
    if (this.decisions.size >= DECISIONS_KEPT) this.decisions.clear();
    this.decisions.set(query, { at, search });
    return search;
  }

  private decide(query: string): WordsSearch | undefined {
    const row = this.database.get(
      'SELECT count(*) AS n FROM (SELECT 1 FROM interactions_text WHERE interactions_text MATCH ? LIMIT ?)',
      query,
      WORDS_INDEX_MAX_ROWS + 1,
    );
    const rows = Number(row?.n ?? 0);
    if (rows > WORDS_INDEX_MAX_ROWS) return undefined;
    return { query, drives: rows <= WORDS_INDEX_DRIVES_ROWS };
  }
}
