import { afterAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { foldForSearch } from '../../../src/core/shared/text.js';
import { openSqliteStore } from '../../../src/infra/sqlite/open-sqlite-store.js';
import { CONTACT_WORDS_DRIVES_ROWS } from '../../../src/infra/sqlite/repositories/contact.repository.js';
import { makeContact } from '../../support/fixtures.js';
import { unservedStatements } from '../../support/sqlite-query-plans.js';

const WS = 'ws-people';

/**
 * The contact search on SQLite reads a text few contacts hold from the trigram index
 * (contacts_text) and walks the workspace in name order for a short or common one: every path
 * gives exactly the contacts whose folded name, e-mails or phones hold the text, in name order.
 */
describe('the contact search on SQLite', () => {
  const statements = new Set<string>();
  const store = openSqliteStore({
    path: ':memory:',
    logger: silentLogger,
    onPrepare: (sql) => statements.add(sql),
  });
  const repo = store.repositories.contacts;
  afterAll(() => store.close());

  const kept: Contact[] = [];
  const names = async (text: string, limit = 50, workspaceId = WS) =>
    (await repo.search(workspaceId, foldForSearch(text), limit)).map((c) => `${c.firstName} ${c.lastName}`);
  /** What the search must return: the substring test on every stored contact, in name order. */
  const expected = (text: string, limit = 50) =>
    kept
      .filter((c) => c.workspaceId === WS && c.searchText.includes(foldForSearch(text)))
      .sort((a, b) => cmp(a.lastName, b.lastName) || cmp(a.firstName, b.firstName) || cmp(a.id, b.id))
      .slice(0, limit)
      .map((c) => `${c.firstName} ${c.lastName}`);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const add = async (contact: Contact) => {
    await repo.insert(contact);
    kept.push(contact);
  };

  it('finds a rare text through the trigram index, accent- and case-insensitively', async () => {
    // More contacts sharing "routine" than the index path takes, so that text walks instead.
    for (let n = 0; n < CONTACT_WORDS_DRIVES_ROWS + 50; n++)
      await add(
        makeContact({
          workspaceId: WS,
          firstName: `Person${n}`,
          lastName: 'Routine',
          emails: [`p${n}@corp.example`],
        }),
      );
    await add(
      makeContact({ workspaceId: WS, firstName: 'Élise', lastName: 'Lévy', phones: ['+33 6 12 34 56 78'] }),
    );
    await add(
      makeContact({
        workspaceId: WS,
        firstName: 'Aaron',
        lastName: 'LÉVY',
        emails: ['aaron@harpsi.example'],
      }),
    );
    await add(makeContact({ workspaceId: WS, firstName: 'Marc', lastName: 'Clévyon' }));
    await add(makeContact({ workspaceId: 'ws-other', firstName: 'Zoé', lastName: 'Lévy' }));

    statements.clear();
    expect(await names('levy')).toEqual(['Marc Clévyon', 'Aaron LÉVY', 'Élise Lévy']);
    expect(await names('LÉVY', 2)).toEqual(['Marc Clévyon', 'Aaron LÉVY']);
    expect([...statements].some((sql) => /contacts_text MATCH/.test(sql))).toBe(true);
    expect(await names('levy', 50, 'ws-other')).toEqual(['Zoé Lévy']);
  });

  it('finds e-mail and phone substrings, short and common texts, the same as the substring test', async () => {
    for (const text of [
      'harpsi.exa',
      '34 56',
      '"quoted',
      'p12@',
      'ly',
      'é',
      'routine',
      'corp.example',
      'absent text',
    ])
      expect(await names(text), text).toEqual(expected(text));
    expect(await names('harpsi.exa')).toEqual(['Aaron LÉVY']);
    expect(await names('34 56')).toEqual(['Élise Lévy']);
    expect(await names('routine', 3)).toEqual(expected('routine', 3));
  });

  it('follows a name change and a deletion', async () => {
    const marc = kept.find((c) => c.firstName === 'Marc');
    if (!marc) throw new Error('fixture missing');
    const renamed = { ...marc, lastName: 'Dupont', searchText: foldForSearch('Marc Dupont') };
    await repo.replace(renamed);
    kept.splice(kept.indexOf(marc), 1, renamed);
    expect(await names('levy')).toEqual(['Aaron LÉVY', 'Élise Lévy']);
    expect(await names('dupont')).toEqual(['Marc Dupont']);

    const elise = kept.find((c) => c.firstName === 'Élise');
    if (!elise) throw new Error('fixture missing');
    await repo.deleteById(WS, elise.id);
    kept.splice(kept.indexOf(elise), 1);
    expect(await names('levy')).toEqual(['Aaron LÉVY']);
    expect(await names('34 56')).toEqual([]);
  });

  it('serves every statement from an index', () => {
    expect(unservedStatements(store.database.db, statements)).toEqual([]);
  });
});
