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
  /** The FTS5 query: the text's most selective trigrams (see SELECTIVE_TRIGRAMS_MAX). */
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
  const trigrams = coveringTrigrams(folded);
  return trigrams.length === 0 ? undefined : trigrams.map(quoted).join(' AND ');
}

/** The text's trigrams side by side, every third one and the last (none under 3 characters). */
function coveringTrigrams(folded: string): string[] {
  const characters = Array.from(folded);
  if (characters.length < 3) return [];
  const trigrams = new Set<string>();
  const last = characters.length - 3;
  for (let start = 0; start < last; start += 3) trigrams.add(characters.slice(start, start + 3).join(''));
  trigrams.add(characters.slice(last).join(''));
  return [...trigrams];
}

const quoted = (trigram: string) => `"${trigram.replaceAll('"', '""')}"`;

/**
 * Of the covering trigrams, the ones worth asking the index for: the rarest, and those at most
 * twice as frequent (up to three). FTS5 reads the whole row list of every trigram of an AND, so
 * one common trigram made the query slow for nothing: "harpsichord" read 94,422 rows for "cho"
 * to keep 8,879 that "psi" alone names (20 ms of a 22 ms count at a million records). Any
 * subset still names every row holding the text, and the instr() test keeps the rows exact.
 */
export const SELECTIVE_TRIGRAMS_MAX = 3;

/** How long a band decision is reused, and how many texts are remembered. */
const DECISION_TTL_MS = 60_000;
const DECISIONS_KEPT = 256;

/**
 * How to use the words index for a filter's description text, or undefined to walk an index
 * of the workspace with instr() alone (no text, text shorter than a trigram, common text).
 * Capped counts on the index decide, one per covering trigram (each reads at most
 * WORDS_INDEX_MAX_ROWS + 1 entries: up to a few milliseconds for a common trigram at a million
 * records), and they also pick the trigrams the query asks for. The decision is kept for
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
    const folded = foldForSearch(filter.text ?? '');
    const at = this.now();
    const kept = this.decisions.get(folded);
    if (kept && at - kept.at < DECISION_TTL_MS) return kept.search;
    const trigrams = coveringTrigrams(folded);
    if (trigrams.length === 0) return undefined;
    const search = this.decide(trigrams);
    if (this.decisions.size >= DECISIONS_KEPT) this.decisions.clear();
    this.decisions.set(folded, { at, search });
    return search;
  }

  private decide(trigrams: string[]): WordsSearch | undefined {
    const counted = trigrams
      .map((trigram) => ({ trigram, rows: this.cappedMatches(quoted(trigram)) }))
      .sort((a, b) => a.rows - b.rows);
    const rarest = counted[0]?.rows ?? 0;
    const selective = counted
      .filter((entry) => entry.rows <= rarest * 2)
      .slice(0, SELECTIVE_TRIGRAMS_MAX)
      .map((entry) => quoted(entry.trigram));
    const query = selective.join(' AND ');
    const rows = selective.length > 1 ? this.cappedMatches(query) : rarest;
    if (rows > WORDS_INDEX_MAX_ROWS) return undefined;
    return { query, drives: rows <= WORDS_INDEX_DRIVES_ROWS };
  }

  /** Rows the index names for an FTS5 query, counted up to WORDS_INDEX_MAX_ROWS + 1. */
  private cappedMatches(query: string): number {
    const row = this.database.get(
      'SELECT count(*) AS n FROM (SELECT 1 FROM interactions_text WHERE interactions_text MATCH ? LIMIT ?)',
      query,
      WORDS_INDEX_MAX_ROWS + 1,
    );
    return Number(row?.n ?? 0);
  }
}
