import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/core/shared/errors.js';
import { foldForSearch } from '../../src/core/shared/text.js';
import { ENGINES } from '../support/engines.js';
import { makeContact, makeOrganisation, T0 } from '../support/fixtures.js';

const later = (days: number) => new Date(T0.getTime() + days * 86_400_000);

describe.each(ENGINES)('contacts and organisations on $name', (engine) => {
  const store = engine.use();
  const contacts = () => store.storage.repositories.contacts;
  const organisations = () => store.storage.repositories.organisations;

  it('round-trips a contact with every optional field, and one without any', async () => {
    const full = makeContact({
      workspaceId: 'ws-c',
      firstName: 'Élise',
      lastName: 'Lévy',
      emails: ['elise@example.org'],
      phones: ['+33 6 12 34 56 78'],
      address: { street: '1 rue de la Paix', city: 'Paris' },
      organisationId: 'org-1',
      tags: ['donor'],
      externalId: 'CRM-1',
    });
    const bare = makeContact({ workspaceId: 'ws-c', firstName: 'Bo', lastName: '' });
    await contacts().insert(full);
    await contacts().insert(bare);
    expect(await contacts().findById('ws-c', full.id)).toEqual(full);
    expect(await contacts().findById('ws-c', bare.id)).toEqual(bare);
    expect(await contacts().findById('ws-other', full.id)).toBeNull();
    expect(await contacts().findByExternalId('ws-c', 'CRM-1')).toEqual(full);
    expect((await contacts().findByIds('ws-c', [full.id, bare.id, 'nope'])).map((c) => c.id).sort()).toEqual(
      [full.id, bare.id].sort(),
    );
  });

  it('inserts a batch of contacts at once, e-mail lookups included', async () => {
    const batch = [1, 2, 3].map((n) =>
      makeContact({ workspaceId: 'ws-batch', externalId: `B-${n}`, emails: [`b${n}@example.org`] }),
    );
    await contacts().insertMany(batch);
    await contacts().insertMany([]);
    expect(
      await contacts().findByIds(
        'ws-batch',
        batch.map((c) => c.id),
      ),
    ).toHaveLength(3);
    expect((await contacts().findByEmail('ws-batch', 'B2@example.org')).map((c) => c.id)).toEqual([
      batch[1]?.id,
    ]);
  });

  it('refuses a second contact with the same external id, and writes nothing', async () => {
    const first = makeContact({ workspaceId: 'ws-dup', externalId: 'X-1', emails: ['one@example.org'] });
    const second = makeContact({ workspaceId: 'ws-dup', externalId: 'X-1', emails: ['two@example.org'] });
    await contacts().insert(first);
    await expect(contacts().insert(second)).rejects.toMatchObject({ code: ErrorCode.ContactDuplicate });
    expect(await contacts().findById('ws-dup', second.id)).toBeNull();
    expect(await contacts().findByEmail('ws-dup', 'two@example.org')).toEqual([]);
    // The same external id in another workspace is another contact.
    await contacts().insert(makeContact({ workspaceId: 'ws-dup-2', externalId: 'X-1' }));
    // Taking the id on an edit is refused too. (FerretDB 1.24 answers a unique clash on an update
    // with error code 1, not 11000, so only SQLite and MongoDB name it CONTACT.DUPLICATE; the
    // contact service checks the external id before it writes.)
    const third = makeContact({ workspaceId: 'ws-dup' });
    await contacts().insert(third);
    await expect(contacts().replace({ ...third, externalId: 'X-1' })).rejects.toThrow();
    expect(await contacts().findById('ws-dup', third.id)).toEqual(third);
  });

  it('finds contacts by e-mail whatever its case, and follows an edit of the addresses', async () => {
    const contact = makeContact({ workspaceId: 'ws-mail', emails: ['ada@example.org'] });
    await contacts().insert(contact);
    expect((await contacts().findByEmail('ws-mail', 'ADA@example.org')).map((c) => c.id)).toEqual([
      contact.id,
    ]);
    const edited = { ...contact, emails: ['ada@new.example'], updatedAt: later(1) };
    await contacts().replace(edited);
    expect(await contacts().findByEmail('ws-mail', 'ada@example.org')).toEqual([]);
    expect(await contacts().findByEmail('ws-mail', 'ada@new.example')).toEqual([edited]);
    expect(await contacts().deleteById('ws-mail', contact.id)).toBe(true);
    expect(await contacts().findByEmail('ws-mail', 'ada@new.example')).toEqual([]);
    expect(await contacts().deleteById('ws-mail', contact.id)).toBe(false);
  });

  it('searches accent- and case-insensitively anywhere in the name, by last then first name', async () => {
    const add = (firstName: string, lastName: string) =>
      contacts().insert(makeContact({ workspaceId: 'ws-search', firstName, lastName }));
    await add('Élise', 'Lévy');
    await add('Aaron', 'Lévy');
    await add('Marc', 'Clévyon');
    await add('Zoé', 'Martin');
    const names = async (text: string, limit = 10) =>
      (await contacts().search('ws-search', foldForSearch(text), limit)).map(
        (c) => `${c.firstName} ${c.lastName}`,
      );
    expect(await names('LEVY')).toEqual(['Marc Clévyon', 'Aaron Lévy', 'Élise Lévy']);
    expect(await names('levy', 2)).toEqual(['Marc Clévyon', 'Aaron Lévy']);
    expect(await names('zoe')).toEqual(['Zoé Martin']);
    expect(await names('')).toHaveLength(4);
    expect(await contacts().search('ws-elsewhere', 'levy', 10)).toEqual([]);
  });

  it('lists an organisation’s contacts by name and counts contacts created in a period', async () => {
    const add = (lastName: string, createdAt: Date, organisationId?: string) =>
      contacts().insert(makeContact({ workspaceId: 'ws-org', lastName, createdAt, organisationId }));
    await add('Young', later(1), 'org-a');
    await add('Adams', later(2), 'org-a');
    await add('Brown', later(3));
    expect((await contacts().listByOrganisation('ws-org', 'org-a')).map((c) => c.lastName)).toEqual([
      'Adams',
      'Young',
    ]);
    expect(await contacts().countCreatedBetween('ws-org', later(1), later(3))).toBe(2);
  });

  it('keeps one organisation per folded name: a second insert gets the first', async () => {
    const acme = makeOrganisation({ workspaceId: 'ws-orgs', name: 'Acmé' });
    const again = makeOrganisation({ workspaceId: 'ws-orgs', name: 'ACME', nameKey: 'acme' });
    const other = await store.second();
    const [a, b] = await Promise.all([
      organisations().insertOrGet(acme),
      other.repositories.organisations.insertOrGet(again),
    ]);
    expect(a.id).toBe(b.id);
    expect(await organisations().findByNameKey('ws-orgs', 'acme')).toEqual(a);
    expect(await organisations().findById('ws-orgs', a.id)).toEqual(a);
    await organisations().insertOrGet(makeOrganisation({ workspaceId: 'ws-orgs', name: 'Macmillan' }));
    await organisations().insertOrGet(makeOrganisation({ workspaceId: 'ws-orgs', name: 'Beta' }));
    expect((await organisations().search('ws-orgs', 'mac', 10)).map((o) => o.name)).toEqual(['Macmillan']);
    expect((await organisations().search('ws-orgs', 'a', 2)).map((o) => o.nameKey)).toEqual(['acme', 'beta']);
  });
});
