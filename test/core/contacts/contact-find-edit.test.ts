import { describe, expect, it } from 'vitest';
import { ErrorCode, type ValidationError } from '../../../src/core/shared/errors.js';
import { contactWorld, rejectionOf } from '../../support/contact-fixtures.js';
import { ENGINES } from '../../support/engines.js';

describe.each(ENGINES)('contact service: finding, editing, isolation on $name', (engine) => {
  const handle = engine.use();
  const world = () => contactWorld(handle);

  describe('findContacts', () => {
    async function seeded() {
      const w = world();
      const t = await w.tenant();
      const levy = await w.contacts.createContact(t.member, {
        firstName: 'Marie',
        lastName: 'Lévy',
        emails: ['marie@example.org'],
        phones: ['+33 6 12 34 56 78'],
      });
      const zola = await w.contacts.createContact(t.member, {
        firstName: 'Émile',
        lastName: 'Zola',
        phones: ['01 40 20 50 50'],
      });
      const dupont = await w.contacts.createContact(t.member, {
        firstName: 'Jean',
        lastName: 'Dupont',
        emails: ['jd@corp.fr'],
      });
      return { w, ...t, levy, zola, dupont };
    }

    it('finds "Lévy" from "levy", "LEVY" and "Lévy Marie", for any role', async () => {
      const { w, viewer, levy } = await seeded();
      for (const text of ['levy', 'LEVY', 'lév', 'Marie Lévy', 'Lévy Marie']) {
        expect((await w.contacts.findContacts(viewer, { text })).map((c) => c.id)).toEqual([levy.id]);
      }
    });

    it('finds a contact by a piece of email or phone, whatever the phone formatting', async () => {
      const { w, viewer, levy, zola, dupont } = await seeded();
      const ids = async (text: string) => (await w.contacts.findContacts(viewer, { text })).map((c) => c.id);
      expect(await ids('corp.fr')).toEqual([dupont.id]);
      expect(await ids('0612')).toEqual([levy.id]);
      expect(await ids('06 12 34')).toEqual([levy.id]);
      expect(await ids('+33 6 12')).toEqual([levy.id]);
      expect(await ids('4020')).toEqual([zola.id]);
      expect(await ids('emile')).toEqual([zola.id]);
    });

    it('treats regex characters as plain text', async () => {
      const { w, viewer } = await seeded();
      expect(await w.contacts.findContacts(viewer, { text: '.*' })).toEqual([]);
      expect(await w.contacts.findContacts(viewer, { text: '(' })).toEqual([]);
    });

    it('lists everyone alphabetically by last name when the text is empty, within the limit', async () => {
      const { w, viewer } = await seeded();
      expect((await w.contacts.findContacts(viewer, { text: '' })).map((c) => c.lastName)).toEqual([
        'Dupont',
        'Lévy',
        'Zola',
      ]);
      expect(await w.contacts.findContacts(viewer, { text: '', limit: 2 })).toHaveLength(2);
    });

    it('refuses a limit outside 1..50', async () => {
      const { w, viewer } = await seeded();
      for (const limit of [0, 51, 2.5]) {
        const error = await rejectionOf(w.contacts.findContacts(viewer, { text: '', limit }));
        expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['limit']);
      }
    });
  });

  describe('editContact', () => {
    it('edits given fields, keeps the author, refreshes interaction names and audits before/after', async () => {
      const w = world();
      const { workspace, member, owner } = await w.tenant();
      const contact = await w.contacts.createContact(member, {
        firstName: 'Marie',
        lastName: 'Levy',
        emails: ['m@x.org'],
        address: { city: 'Lyon' },
        externalId: 'E1',
      });
      const [logged] = await w.logInteractions(member, contact, 1);
      w.clock.advance(60_000);
      const edited = await w.contacts.editContact(owner, {
        id: contact.id,
        lastName: 'Lévy-Martin',
        phones: '06 11 22 33 44',
        address: null,
        organisation: 'Acme',
        externalId: '',
      });
      expect(edited).toMatchObject({
        firstName: 'Marie',
        lastName: 'Lévy-Martin',
        emails: ['m@x.org'],
        phones: ['06 11 22 33 44'],
        createdBy: member.userId,
        createdAt: contact.createdAt,
      });
      expect(edited.address).toBeUndefined();
      expect(edited.externalId).toBeUndefined();
      expect(edited.updatedAt.getTime()).toBeGreaterThan(contact.updatedAt.getTime());
      expect(await w.repos.contacts.findById(workspace.id, contact.id)).toEqual(edited);
      const moved = await w.repos.interactions.findById(workspace.id, logged!.id);
      expect(moved).toMatchObject({
        contactName: 'Marie Lévy-Martin',
        organisationId: edited.organisationId,
      });
      const [entry] = await w.repos.audit.listForTarget(workspace.id, contact.id);
      expect(entry?.action).toBe('contact.updated');
      expect(JSON.parse(entry!.before!).lastName).toBe('Levy');
      expect(JSON.parse(entry!.after!).lastName).toBe('Lévy-Martin');
      expect((await w.contacts.findContacts(owner, { text: 'martin' })).map((c) => c.id)).toEqual([
        contact.id,
      ]);
    });

    it('lets a member edit a contact someone else created', async () => {
      const w = world();
      const { owner, member } = await w.tenant();
      const contact = await w.contacts.createContact(owner, { lastName: 'Shared' });
      expect((await w.contacts.editContact(member, { id: contact.id, firstName: 'Now' })).firstName).toBe(
        'Now',
      );
    });

    it('refuses an edit that leaves no name, an invalid field, a taken external id or a viewer, writing nothing', async () => {
      const w = world();
      const { workspace, member, viewer } = await w.tenant();
      const contact = await w.contacts.createContact(member, { lastName: 'Solo', externalId: 'A' });
      await w.contacts.createContact(member, { firstName: 'Other', lastName: 'Holder', externalId: 'B' });
      const noName = await rejectionOf(w.contacts.editContact(member, { id: contact.id, lastName: '' }));
      expect(Object.keys((noName as ValidationError).fieldErrors)).toEqual(['firstName']);
      const badEmail = await rejectionOf(
        w.contacts.editContact(member, { id: contact.id, emails: ['nope'] }),
      );
      expect(Object.keys((badEmail as ValidationError).fieldErrors)).toEqual(['emails']);
      const taken = await rejectionOf(w.contacts.editContact(member, { id: contact.id, externalId: 'B' }));
      expect(taken.code).toBe(ErrorCode.ContactDuplicate);
      expect(taken.message).toContain('Other Holder');
      const forbidden = await rejectionOf(w.contacts.editContact(viewer, { id: contact.id, lastName: 'X' }));
      expect(forbidden.code).toBe(ErrorCode.Forbidden);
      expect(await w.repos.contacts.findById(workspace.id, contact.id)).toEqual(contact);
      expect((await w.holdings(workspace.id)).audit).toBe(2);
    });

    it('reports an unknown contact as not found', async () => {
      const w = world();
      const { member } = await w.tenant();
      const error = await rejectionOf(w.contacts.editContact(member, { id: 'missing', lastName: 'X' }));
      expect(error.code).toBe(ErrorCode.ContactNotFound);
      expect((await rejectionOf(w.contacts.getContact(member, { id: 'missing' }))).code).toBe(
        ErrorCode.ContactNotFound,
      );
    });
  });

  describe('tenant isolation', () => {
    it("never finds, reads, edits, merges or deletes another workspace's contacts", async () => {
      const w = world();
      const a = await w.tenant('A');
      const b = await w.tenant('B');
      const secret = await w.contacts.createContact(a.member, {
        firstName: 'Marie',
        lastName: 'Lévy',
        organisation: 'Acme',
      });
      const mine = await w.contacts.createContact(b.member, { lastName: 'Mine' });
      expect(await w.contacts.findContacts(b.owner, { text: 'levy' })).toEqual([]);
      expect(await w.contacts.findOrganisations(b.owner, { text: 'acme' })).toEqual([]);
      const attempts = [
        () => w.contacts.getContact(b.owner, { id: secret.id }),
        () => w.contacts.editContact(b.owner, { id: secret.id, lastName: 'Hacked' }),
        () => w.contacts.mergeContacts(b.owner, { keepId: mine.id, mergeId: secret.id }),
        () => w.contacts.mergeContacts(b.owner, { keepId: secret.id, mergeId: mine.id }),
        () => w.contacts.deleteContact(b.owner, { id: secret.id }),
      ];
      for (const attempt of attempts)
        expect((await rejectionOf(attempt())).code).toBe(ErrorCode.ContactNotFound);
      const linked = await rejectionOf(
        w.contacts.createContact(b.owner, { lastName: 'X', organisationId: secret.organisationId }),
      );
      expect(Object.keys((linked as ValidationError).fieldErrors)).toEqual(['organisationId']);
      expect(await w.repos.contacts.findById(a.workspace.id, secret.id)).toEqual(secret);
      expect(await w.repos.contacts.findById(b.workspace.id, mine.id)).toEqual(mine);
      // External ids are unique per workspace, not across workspaces.
      await w.contacts.createContact(a.member, { lastName: 'A', externalId: 'SAME' });
      await w.contacts.createContact(b.member, { lastName: 'B', externalId: 'SAME' });
    });
  });
});
