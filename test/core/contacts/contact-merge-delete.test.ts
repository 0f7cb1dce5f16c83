import { describe, expect, it } from 'vitest';
import { ErrorCode, type ValidationError } from '../../../src/core/shared/errors.js';
import { contactWorld, rejectionOf } from '../../support/contact-fixtures.js';
import { ENGINES } from '../../support/engines.js';

describe.each(ENGINES)('merging and deleting contacts on $name', (engine) => {
  const handle = engine.use();
  const world = () => contactWorld(handle);

  async function duplicates() {
    const w = world();
    const t = await w.tenant();
    const keep = await w.contacts.createContact(t.member, {
      lastName: 'Lévy',
      emails: ['marie@example.org'],
      phones: ['06 12 34 56 78'],
      tags: ['donor'],
    });
    const duplicate = await w.contacts.createContact(t.owner, {
      firstName: 'Marie',
      lastName: 'Levy',
      emails: ['MARIE@example.org', 'm.levy@work.fr'],
      phones: ['0612345678', '+33 1 40 00 00 00'],
      tags: ['Donor', 'volunteer'],
      address: { city: 'Lyon' },
      organisation: 'Acme',
      externalId: 'CRM-9',
    });
    return { w, ...t, keep, duplicate };
  }

  describe('mergeContacts', () => {
    it('unions emails, phones and tags, fills missing fields, moves every interaction and deletes the duplicate', async () => {
      const { w, workspace, member, keep, duplicate } = await duplicates();
      await w.logInteractions(member, keep, 2);
      const moved = await w.logInteractions(member, duplicate, 3);
      const result = await w.contacts.mergeContacts(member, { keepId: keep.id, mergeId: duplicate.id });

      expect(result.movedInteractions).toBe(3);
      expect(result.contact).toMatchObject({
        id: keep.id,
        firstName: 'Marie',
        lastName: 'Lévy',
        emails: ['marie@example.org', 'm.levy@work.fr'],
        phones: ['06 12 34 56 78', '+33 1 40 00 00 00'],
        tags: ['donor', 'volunteer'],
        address: { city: 'Lyon' },
        organisationId: duplicate.organisationId,
        externalId: 'CRM-9',
        createdBy: member.userId,
      });
      expect(await w.repos.contacts.findById(workspace.id, keep.id)).toEqual(result.contact);
      expect(await w.repos.contacts.findById(workspace.id, duplicate.id)).toBeNull();
      expect(await w.repos.interactions.countForContact(workspace.id, keep.id)).toBe(5);
      expect(await w.repos.interactions.countForContact(workspace.id, duplicate.id)).toBe(0);
      const after = await w.repos.interactions.findById(workspace.id, moved[0]!.id);
      expect(after).toMatchObject({
        contactId: keep.id,
        contactName: 'Marie Lévy',
        organisationId: duplicate.organisationId,
      });
      const byAction = async (targetId: string, action: string) =>
        (await w.repos.audit.listForTarget(workspace.id, targetId)).find((entry) => entry.action === action);
      const keptEntry = await byAction(keep.id, 'contact.merged');
      expect(keptEntry).toMatchObject({ action: 'contact.merged', actorId: member.userId });
      expect(JSON.parse(keptEntry!.before!).merged.id).toBe(duplicate.id);
      const goneEntry = await byAction(duplicate.id, 'contact.merged');
      expect(goneEntry).toBeDefined();
      expect(JSON.parse(goneEntry!.after!)).toEqual({ mergedInto: keep.id });
      expect((await w.contacts.findContacts(member, { text: 'work.fr' })).map((c) => c.id)).toEqual([
        keep.id,
      ]);
    });

    it("keeps the kept contact's own fields and external id when both have them", async () => {
      const w = world();
      const { owner } = await w.tenant();
      const keep = await w.contacts.createContact(owner, {
        firstName: 'Ann',
        lastName: 'Kept',
        externalId: 'K',
      });
      const other = await w.contacts.createContact(owner, {
        firstName: 'Anne',
        lastName: 'Other',
        externalId: 'O',
      });
      const { contact } = await w.contacts.mergeContacts(owner, { keepId: keep.id, mergeId: other.id });
      expect(contact).toMatchObject({ firstName: 'Ann', lastName: 'Kept', externalId: 'K' });
    });

    it('refuses to merge a contact with itself, and writes nothing', async () => {
      const { w, workspace, member, keep } = await duplicates();
      const before = await w.holdings(workspace.id);
      const error = await rejectionOf(
        w.contacts.mergeContacts(member, { keepId: keep.id, mergeId: keep.id }),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['mergeId']);
      expect(await w.holdings(workspace.id)).toEqual(before);
    });

    it('refuses viewers, and writes nothing', async () => {
      const { w, workspace, viewer, keep, duplicate } = await duplicates();
      const before = await w.holdings(workspace.id);
      const error = await rejectionOf(
        w.contacts.mergeContacts(viewer, { keepId: keep.id, mergeId: duplicate.id }),
      );
      expect(error.code).toBe(ErrorCode.Forbidden);
      expect(await w.holdings(workspace.id)).toEqual(before);
    });

    it('refuses a merge that would give the contact more than 10 emails, and writes nothing', async () => {
      const w = world();
      const { workspace, member } = await w.tenant();
      const emails = (prefix: string) => Array.from({ length: 6 }, (_, i) => `${prefix}${i}@x.org`);
      const keep = await w.contacts.createContact(member, { lastName: 'A', emails: emails('a') });
      const other = await w.contacts.createContact(member, { lastName: 'B', emails: emails('b') });
      await w.logInteractions(member, other, 1);
      const before = await w.holdings(workspace.id);
      const error = await rejectionOf(
        w.contacts.mergeContacts(member, { keepId: keep.id, mergeId: other.id }),
      );
      expect((error as ValidationError).fieldErrors.emails).toMatch(/12 email addresses.*10 at most/);
      expect(await w.holdings(workspace.id)).toEqual(before);
      expect(await w.repos.contacts.findById(workspace.id, keep.id)).toEqual(keep);
      expect(await w.repos.interactions.countForContact(workspace.id, other.id)).toBe(1);
    });

    it('reports a duplicate that no longer exists as not found', async () => {
      const { w, member, keep } = await duplicates();
      const error = await rejectionOf(w.contacts.mergeContacts(member, { keepId: keep.id, mergeId: 'gone' }));
      expect(error.code).toBe(ErrorCode.ContactNotFound);
    });
  });

  describe('deleteContact', () => {
    it('lets a member delete a contact without interactions, with an audit entry', async () => {
      const w = world();
      const { workspace, owner, member } = await w.tenant();
      const contact = await w.contacts.createContact(owner, { lastName: 'Gone' });
      await w.contacts.deleteContact(member, { id: contact.id });
      expect(await w.repos.contacts.findById(workspace.id, contact.id)).toBeNull();
      const entry = (await w.repos.audit.listForTarget(workspace.id, contact.id)).find(
        (candidate) => candidate.action === 'contact.deleted',
      );
      expect(entry).toMatchObject({ actorId: member.userId });
      expect(JSON.parse(entry!.before!).lastName).toBe('Gone');
    });

    it('refuses while interactions exist, saying how many and what to do', async () => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      const contact = await w.contacts.createContact(owner, { firstName: 'Marie', lastName: 'Lévy' });
      await w.logInteractions(owner, contact, 6);
      const before = await w.holdings(workspace.id);
      const error = await rejectionOf(w.contacts.deleteContact(owner, { id: contact.id }));
      expect(error.code).toBe(ErrorCode.ContactHasInteractions);
      expect(error.message).toBe(
        'Marie Lévy has 6 interactions; delete or move them first (merge the contact into another).',
      );
      expect(await w.holdings(workspace.id)).toEqual(before);
    });

    it('refuses viewers and unknown contacts', async () => {
      const w = world();
      const { workspace, member, viewer } = await w.tenant();
      const contact = await w.contacts.createContact(member, { lastName: 'Kept' });
      expect((await rejectionOf(w.contacts.deleteContact(viewer, { id: contact.id }))).code).toBe(
        ErrorCode.Forbidden,
      );
      expect((await rejectionOf(w.contacts.deleteContact(member, { id: 'nope' }))).code).toBe(
        ErrorCode.ContactNotFound,
      );
      expect(await w.repos.contacts.findById(workspace.id, contact.id)).toEqual(contact);
    });
  });
});
