import { describe, expect, it } from 'vitest';
import { ErrorCode, type ValidationError } from '../../../src/core/shared/errors.js';
import { COLLECTIONS } from '../../../src/infra/mongo/indexes.js';
import { contactWorld, rejectionOf } from '../../support/contact-fixtures.js';
import { useTestDatabase } from '../../support/test-database.js';

describe('contact service: creating contacts and organisations', () => {
  const handle = useTestDatabase();
  const world = () => contactWorld(handle.db);

  describe('createContact', () => {
    it('creates a contact with normalised fields, search text and an audit entry', async () => {
      const w = world();
      const { workspace, member } = await w.tenant();
      const contact = await w.contacts.createContact(member, {
        firstName: '  Marie ',
        lastName: 'Lévy',
        emails: ['Marie.Levy@Example.org', 'marie.levy@example.org'],
        phones: ['+33 6 12 34 56 78'],
        address: { street: '3 rue des Lilas', city: 'Lyon', postalCode: '69001', country: '' },
        organisation: 'Acme',
        tags: ['donor', 'Donor', 'volunteer'],
        externalId: 'CRM-1',
      });
      expect(contact).toMatchObject({
        workspaceId: workspace.id,
        firstName: 'Marie',
        lastName: 'Lévy',
        emails: ['marie.levy@example.org'],
        phones: ['+33 6 12 34 56 78'],
        address: { street: '3 rue des Lilas', city: 'Lyon', postalCode: '69001' },
        tags: ['donor', 'volunteer'],
        externalId: 'CRM-1',
        createdBy: member.userId,
      });
      expect(contact.searchText).toContain('marie levy');
      expect(contact.searchText).toContain('0612345678');
      const organisation = await w.repos.organisations.findById(workspace.id, contact.organisationId!);
      expect(organisation?.name).toBe('Acme');
      expect(await w.repos.contacts.findById(workspace.id, contact.id)).toEqual(contact);
      const [entry] = await w.repos.audit.listForTarget(workspace.id, contact.id);
      expect(entry).toMatchObject({ action: 'contact.created', actorId: member.userId });
    });

    it('accepts a contact with only a last name and no optional fields', async () => {
      const w = world();
      const { owner } = await w.tenant();
      const contact = await w.contacts.createContact(owner, { lastName: 'Dupont' });
      expect(contact).toMatchObject({ firstName: '', lastName: 'Dupont', emails: [], phones: [], tags: [] });
      expect(contact.address).toBeUndefined();
      expect(contact.externalId).toBeUndefined();
    });

    it('lets several contacts without an external id coexist', async () => {
      const w = world();
      const { member } = await w.tenant();
      await w.contacts.createContact(member, { lastName: 'One' });
      await w.contacts.createContact(member, { lastName: 'Two' });
      expect(await w.contacts.findContacts(member, { text: '' })).toHaveLength(2);
    });

    it('keys every stored contact uniquely, so contacts without an external id never collide on MongoDB', async () => {
      const w = world();
      const { workspace, member } = await w.tenant();
      const plain = await w.contacts.createContact(member, { lastName: 'Plain' });
      const keyed = await w.contacts.createContact(member, { lastName: 'Keyed', externalId: 'K-1' });
      const raw = handle.db.connection
        .getClient()
        .db(handle.db.connection.name)
        .collection(COLLECTIONS.contacts);
      const keyOf = async (id: string) => (await raw.findOne({ _id: id as never }))?.externalKey;
      expect(await keyOf(plain.id)).toBe(`id:${plain.id}`);
      expect(await keyOf(keyed.id)).toBe('ext:K-1');
      await w.contacts.editContact(member, { id: keyed.id, externalId: null });
      expect(await keyOf(keyed.id)).toBe(`id:${keyed.id}`);
      expect((await w.repos.contacts.findById(workspace.id, keyed.id))?.externalId).toBeUndefined();
    });

    it('refuses viewers and writes nothing', async () => {
      const w = world();
      const { workspace, viewer } = await w.tenant();
      const error = await rejectionOf(
        w.contacts.createContact(viewer, { lastName: 'Nope', organisation: 'X' }),
      );
      expect(error.code).toBe(ErrorCode.Forbidden);
      expect(await w.holdings(workspace.id)).toMatchObject({ contacts: 0, organisations: 0, audit: 0 });
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['no name at all', { firstName: ' ', lastName: '' }, 'firstName'],
      ['a first name over 100 characters', { firstName: 'x'.repeat(101) }, 'firstName'],
      ['a last name that is not text', { lastName: 42 }, 'lastName'],
      ['an invalid email', { lastName: 'A', emails: ['bob@'] }, 'emails'],
      [
        'more than 10 emails',
        { lastName: 'A', emails: Array.from({ length: 11 }, (_, i) => `a${i}@x.org`) },
        'emails',
      ],
      ['a phone with too few digits', { lastName: 'A', phones: ['12-34'] }, 'phones'],
      ['a phone over 40 characters', { lastName: 'A', phones: [`+33 ${'1'.repeat(40)}`] }, 'phones'],
      [
        'more than 10 phones',
        { lastName: 'A', phones: Array.from({ length: 11 }, (_, i) => `0600000${i}0${i}`) },
        'phones',
      ],
      [
        'a street over 200 characters',
        { lastName: 'A', address: { street: 's'.repeat(201) } },
        'address.street',
      ],
      ['an address that is not an object', { lastName: 'A', address: 'Lyon' }, 'address'],
      ['a tag over 40 characters', { lastName: 'A', tags: ['t'.repeat(41)] }, 'tags'],
      ['more than 20 tags', { lastName: 'A', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      ['an external id over 100 characters', { lastName: 'A', externalId: 'e'.repeat(101) }, 'externalId'],
      [
        'an organisation name over 200 characters',
        { lastName: 'A', organisation: 'o'.repeat(201) },
        'organisation',
      ],
      [
        'both an organisation name and id',
        { lastName: 'A', organisation: 'Acme', organisationId: 'x' },
        'organisation',
      ],
      [
        'an organisation id that does not exist',
        { lastName: 'A', organisationId: 'missing' },
        'organisationId',
      ],
    ];
    it.each(invalid)('refuses %s, naming the field, and writes nothing', async (_what, input, field) => {
      const w = world();
      const { workspace, member } = await w.tenant();
      const error = await rejectionOf(w.contacts.createContact(member, input));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
      expect(await w.holdings(workspace.id)).toMatchObject({ contacts: 0, organisations: 0, audit: 0 });
    });

    it('says which email is invalid', async () => {
      const w = world();
      const { member } = await w.tenant();
      const error = await rejectionOf(
        w.contacts.createContact(member, { lastName: 'A', emails: 'ok@x.org; bob@' }),
      );
      expect((error as ValidationError).fieldErrors.emails).toBe("Invalid email 'bob@'.");
    });

    it('refuses a second contact with the same external id, naming the first one', async () => {
      const w = world();
      const { workspace, member } = await w.tenant();
      await w.contacts.createContact(member, { firstName: 'Marie', lastName: 'Lévy', externalId: 'CRM-7' });
      const error = await rejectionOf(
        w.contacts.createContact(member, { lastName: 'Other', externalId: 'CRM-7' }),
      );
      expect(error.code).toBe(ErrorCode.ContactDuplicate);
      expect(error.message).toBe("Marie Lévy already has the external id 'CRM-7'.");
      expect(await w.holdings(workspace.id)).toMatchObject({ contacts: 1, audit: 1 });
    });

    it('lets only one of two concurrent creates take an external id', async () => {
      const w = world();
      const { workspace, member } = await w.tenant();
      const results = await Promise.allSettled([
        w.contacts.createContact(member, { lastName: 'First', externalId: 'RACE-1' }),
        w.contacts.createContact(member, { lastName: 'Second', externalId: 'RACE-1' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r) => r.status === 'rejected');
      expect((failure as PromiseRejectedResult).reason.code).toBe(ErrorCode.ContactDuplicate);
      expect((await w.holdings(workspace.id)).contacts).toBe(1);
    });
  });

  describe('organisations', () => {
    it('creates one organisation for "Acme" and "ACME" even when five creates race', async () => {
      const w = world();
      const { workspace, member, owner } = await w.tenant();
      const created = await Promise.all(
        ['Acme', 'ACME', 'acme', 'Acmé', ' Acme '].map((organisation, index) =>
          w.contacts.createContact(index % 2 ? owner : member, { lastName: `C${index}`, organisation }),
        ),
      );
      expect(new Set(created.map((contact) => contact.organisationId)).size).toBe(1);
      expect((await w.holdings(workspace.id)).organisations).toBe(1);
      const racing = await Promise.all(
        ['Beta', 'BETA', 'beta', 'Béta', 'Beta'].map((name) =>
          w.contacts.createOrganisation(member, { name }),
        ),
      );
      expect(new Set(racing.map((organisation) => organisation.id)).size).toBe(1);
      expect((await w.holdings(workspace.id)).organisations).toBe(2);
    });

    it('finds organisations by folded substring and links a contact by id', async () => {
      const w = world();
      const { member, viewer } = await w.tenant();
      const acme = await w.contacts.createOrganisation(member, { name: 'Société Générale' });
      await w.contacts.createOrganisation(member, { name: 'Globex' });
      expect((await w.contacts.findOrganisations(viewer, { text: 'societe' })).map((o) => o.id)).toEqual([
        acme.id,
      ]);
      expect(await w.contacts.findOrganisations(viewer, { text: '' })).toHaveLength(2);
      const contact = await w.contacts.createContact(member, { lastName: 'Linked', organisationId: acme.id });
      expect(contact.organisationId).toBe(acme.id);
    });

    it('refuses an empty organisation name and organisations from viewers', async () => {
      const w = world();
      const { workspace, member, viewer } = await w.tenant();
      const empty = await rejectionOf(w.contacts.createOrganisation(member, { name: '  ' }));
      expect(Object.keys((empty as ValidationError).fieldErrors)).toEqual(['name']);
      expect((await rejectionOf(w.contacts.createOrganisation(viewer, { name: 'V' }))).code).toBe(
        ErrorCode.Forbidden,
      );
      expect((await w.holdings(workspace.id)).organisations).toBe(0);
    });
  });
});
