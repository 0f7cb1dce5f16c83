import type { DatabaseSync } from 'node:sqlite';

/**
 * Tables that grow with use: a statement on one of them must seek an index, never read the
 * whole table, and never sort its rows in a temporary B-tree (the index gives the order).
 * `workspaces` is not here: one row per team, and the sweeps read them all on purpose.
 */
export const GROWING_TABLES = [
  'members',
  'contacts',
  'contact_emails',
  'organisations',
  'interactions',
  'audit_entries',
  'claims',
  'delivery_pending',
  'delivery_outcomes',
  'delivery_attempts',
  'conversation_refs',
  'slack_installations',
  'scheduled_jobs',
];

export interface PlanProblem {
  sql: string;
  plan: string[];
}

function planOf(db: DatabaseSync, sql: string): string[] {
  // Unbound parameters read as NULL: the plan depends on the statement's shape, not its values.
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((row) => String(row.detail));
}

const scanned = (detail: string) => /^SCAN (\w+)/.exec(detail)?.[1];

/**
 * The statements whose plan scans a growing table or sorts its rows. Sorting the groups of a
 * GROUP BY (one per distinct key: types, authors…) is allowed: the rows still come from an index.
 * So is sorting the rows a words index search named (interactions_text or contacts_text MATCH):
 * the repositories take that path only when the index holds few of them (WORDS_INDEX_MAX_ROWS,
 * CONTACT_WORDS_DRIVES_ROWS).
 */
export function unservedStatements(
  db: DatabaseSync,
  statements: Iterable<string>,
  tables: readonly string[] = GROWING_TABLES,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const sql of statements) {
    const plan = planOf(db, sql);
    const touchesGrowing = tables.some((table) => new RegExp(`\\b${table}\\b`).test(sql));
    const fullScan = plan.some((detail) => {
      const table = scanned(detail);
      return table !== undefined && tables.includes(table);
    });
    const sorts =
      touchesGrowing &&
      !/\bGROUP BY\b/.test(sql) &&
      !/\b(interactions|contacts)_text MATCH\b/.test(sql) &&
      plan.some((detail) => detail.includes('USE TEMP B-TREE FOR ORDER BY'));
    if (fullScan || sorts) problems.push({ sql: sql.replace(/\s+/g, ' '), plan });
  }
  return problems;
}
