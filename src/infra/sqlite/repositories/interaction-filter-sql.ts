import type { SQLInputValue } from 'node:sqlite';
import type { InteractionFilter, ListSort } from '../../../core/interactions/interaction-filter.js';
import type { PageCursor } from '../../../core/shared/paging.js';
import { foldForSearch } from '../../../core/shared/text.js';
import { placeholders } from '../rows.js';
import type { WordsSearch } from './interaction-text-search.js';

/** Folded user text, or '' without folding when there is none (most lists have no text). */
function foldedOrEmpty(value: string | undefined): string {
  return value ? foldForSearch(value) : '';
}

export interface Where {
  sql: string;
  params: SQLInputValue[];
}

/**
 * The F10 filter as a WHERE clause over `interactions`. User text is bound, never spliced.
 *
 * `ordered` is the sort of a page (or of the export stream): SQLite would rather seek an index
 * on a filtered column (type IN, author IN…) and then sort the matches in a temporary B-tree;
 * for a page in date order it is better to walk the date-ordered index of the workspace (or of
 * the one contact / organisation) and stop after LIMIT rows. A unary `+` on those columns keeps
 * them out of index selection. Counts pass no sort and let the planner seek the best index.
 *
 * `words` (WordsSearchPlanner) uses the words index for a description text that is not common: when
 * it `drives`, the read starts from the few rows it names and every other column is kept out of
 * index selection; otherwise the walk tests each index entry's row number against its rows.
 */
export function filterWhere(
  workspaceId: string,
  filter: InteractionFilter,
  now: Date,
  ordered?: ListSort,
  words?: WordsSearch,
): Where {
  const drives = words?.drives === true;
  const column = (name: string, seekable: boolean) => (seekable && !drives ? name : `+${name}`);
  const clauses = [`${column('workspace_id', true)} = ?`];
  const params: SQLInputValue[] = [workspaceId];
  const byDate = ordered === 'date';
  const anyOf = (name: string, values: readonly string[], seekable: boolean) => {
    if (values.length === 1) clauses.push(`${column(name, seekable)} = ?`);
    else clauses.push(`${column(name, seekable)} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  if (filter.from) {
    clauses.push(`${column('occurred_at', true)} >= ?`);
    params.push(filter.from.getTime());
  }
  if (filter.to) {
    clauses.push(`${column('occurred_at', true)} < ?`);
    params.push(filter.to.getTime());
  }
  if (filter.types?.length) anyOf('type', filter.types, !byDate);
  if (filter.actions?.length) {
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(interactions.actions) WHERE json_each.value IN (${placeholders(filter.actions.length)}))`,
    );
    params.push(...filter.actions);
  }
  if (filter.authorIds?.length) anyOf('author_id', filter.authorIds, false);
  // One contact has its own date-ordered index; several are a filter on the workspace's walk.
  if (filter.contactIds?.length)
    anyOf('contact_id', filter.contactIds, !ordered || filter.contactIds.length === 1);
  const contactText = foldedOrEmpty(filter.contactText);
  if (contactText) {
    clauses.push('instr(contact_name_folded, ?) > 0');
    params.push(contactText);
  }
  if (filter.organisationId) {
    clauses.push(`${column('organisation_id', true)} = ?`);
    params.push(filter.organisationId);
  }
  if (filter.importantOnly) clauses.push(`${column('important', !ordered)} = 1`);
  if (filter.hasAttachments !== undefined) {
    clauses.push(`${column('has_attachments', !ordered)} = ?`);
    params.push(filter.hasAttachments ? 1 : 0);
  }
  // A follow-up state has its own date-ordered index: a page seeks it (open ones are few).
  const status =
    filter.followUp === 'none' ? column('follow_up_status', !ordered) : column('follow_up_status', true);
  switch (filter.followUp) {
    case 'open':
      clauses.push(`${status} = 'open'`);
      break;
    case 'overdue':
      clauses.push(`${status} = 'open'`, `${column('follow_up_fire_at', !ordered)} < ?`);
      params.push(now.getTime());
      break;
    case 'done':
      clauses.push(`${status} = 'done'`);
      break;
    case 'none':
      clauses.push(`${status} IS NULL`);
      break;
    default:
      break;
  }
  const address = foldedOrEmpty(filter.addressText);
  if (address) {
    clauses.push('instr(visit_address_folded, ?) > 0');
    params.push(address);
  }
  const text = foldedOrEmpty(filter.text);
  if (words) {
    const seq = words.drives ? 'seq' : '+seq';
    clauses.push(`${seq} IN (SELECT rowid FROM interactions_text WHERE interactions_text MATCH ?)`);
    params.push(words.query);
  }
  if (text) {
    clauses.push('instr(description_folded, ?) > 0');
    params.push(text);
  }
  return { sql: clauses.join(' AND '), params };
}

/** ORDER BY of a page: display order for 'older', the reverse for 'newer' (flipped back after). */
export function pageOrder(sort: ListSort, older: boolean): string {
  const down = older ? 'DESC' : 'ASC';
  const up = older ? 'ASC' : 'DESC';
  return sort === 'date' ? `occurred_at ${down}, id ${down}` : `type ${up}, occurred_at ${down}, id ${down}`;
}

/**
 * Rows strictly beyond the cursor in display order (`beyond`), or strictly before it.
 * `seekable` false keeps the columns out of index selection (a read driven by the words index).
 */
export function keysetWhere(sort: ListSort, cursor: PageCursor, beyond: boolean, seekable = true): Where {
  const at = Date.parse(cursor.at);
  const older = beyond ? '<' : '>'; // date and id descend in display order
  const byDate = seekable ? `(occurred_at, id) ${older} (?, ?)` : `(+occurred_at, +id) ${older} (?, ?)`;
  if (sort === 'date') return { sql: byDate, params: [at, cursor.id] };
  const key = cursor.key ?? '';
  return {
    sql: `(type ${beyond ? '>' : '<'} ? OR (type = ? AND ${byDate}))`,
    params: [key, key, at, cursor.id],
  };
}
