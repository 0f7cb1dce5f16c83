import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { openSqlite } from '../../../src/infra/sqlite/database.js';
import { unservedStatements } from '../../support/sqlite-query-plans.js';

describe('the SQLite query plan guard', () => {
  const database = openSqlite({ path: ':memory:', logger: silentLogger });
  const problems = (sql: string) => unservedStatements(database.db, [sql]);

  it('refuses a statement that reads a whole growing table', () => {
    expect(problems('SELECT * FROM interactions WHERE description = ?')).toHaveLength(1);
    expect(problems('SELECT * FROM contacts WHERE first_name = ?')).toHaveLength(1);
  });

  it('refuses a page that sorts its rows instead of reading them in index order', () => {
    expect(
      problems('SELECT * FROM interactions WHERE workspace_id = ? ORDER BY description LIMIT 10'),
    ).toHaveLength(1);
  });

  it('accepts the timeline page its index serves, and a scan of the small workspaces table', () => {
    expect(
      problems(
        'SELECT * FROM interactions WHERE workspace_id = ? AND contact_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 11',
      ),
    ).toEqual([]);
    expect(problems('SELECT id FROM workspaces')).toEqual([]);
  });
});
