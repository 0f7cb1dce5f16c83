import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Organisation } from '../../../src/core/contacts/contact.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
import { encodeCursor } from '../../../src/core/shared/paging.js';
import { ENGINES } from '../../support/engines.js';
import {
  makeDeps,
  makeOrganisation,
  seedContact,
  seedTenant,
  T0,
  type Tenant,
  type TestDeps,
} from '../../support/fixtures.js';

describe.each(ENGINES)('timelines on $name', (engine) => {
  const store = engine.use();
  let deps: TestDeps;
  let service: ReturnType<typeof createInteractionService>;
  let tenant: Tenant;
  let keys = 0;
  const hoursAgo = (n: number) => new Date(T0.getTime() - n * 3_600_000);

  beforeAll(async () => {
    deps = makeDeps(store.storage);
    service = createInteractionService(deps);
    tenant = await seedTenant(deps);
  });

  async function logAt(contact: Contact, occurredAt: Date, type = 'Call'): Promise<Interaction> {
    const result = await service.logInteraction(tenant.member, {
      idempotencyKey: `tl-${++keys}`,
      contactIds: [contact.id],
      type,
      occurredAt,
    });
    return result.interactions[0]!;
  }

  /** Newest first, ties broken by id, newest id first: the order the timeline promises. */
  function displayOrder(records: Interaction[]): string[] {
    return [...records]
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);
  }

  describe('contact timeline', () => {
    it('is empty with no cursors for a contact without interactions', async () => {
      const contact = await seedContact(deps, tenant.workspace.id, { firstName: 'Nobody' });
      const page = await service.contactTimeline(tenant.viewer, { contactId: contact.id });
      expect(page).toMatchObject({ items: [], total: 0, contact: { id: contact.id } });
      expect(page.nextCursor).toBeUndefined();
      expect(page.prevCursor).toBeUndefined();
    });

    it('fits exactly one page without any cursor', async () => {
      const contact = await seedContact(deps, tenant.workspace.id);
      const records = [
        await logAt(contact, hoursAgo(3)),
        await logAt(contact, hoursAgo(1)),
        await logAt(contact, hoursAgo(2)),
      ];
      const page = await service.contactTimeline(tenant.viewer, { contactId: contact.id, limit: 3 });
      expect(page.items.map((i) => i.id)).toEqual(displayOrder(records));
      expect(page.total).toBe(3);
      expect(page.nextCursor).toBeUndefined();
      expect(page.prevCursor).toBeUndefined();
    });

    it('pages across equal dates without skipping or repeating, and back again', async () => {
      const contact = await seedContact(deps, tenant.workspace.id);
      const records: Interaction[] = [];
      for (let i = 0; i < 5; i++) records.push(await logAt(contact, hoursAgo(5)));
      records.push(await logAt(contact, hoursAgo(1)), await logAt(contact, hoursAgo(9)));
      const expected = displayOrder(records);

      const pages: string[][] = [];
      let page = await service.contactTimeline(tenant.member, { contactId: contact.id, limit: 2 });
      pages.push(page.items.map((i) => i.id));
      while (page.nextCursor) {
        expect(page.total).toBe(7);
        page = await service.contactTimeline(tenant.member, {
          contactId: contact.id,
          limit: 2,
          cursor: page.nextCursor,
        });
        pages.push(page.items.map((i) => i.id));
      }
      expect(pages.flat()).toEqual(expected);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);

      const back: string[][] = [];
      while (page.prevCursor) {
        page = await service.contactTimeline(tenant.member, {
          contactId: contact.id,
          limit: 2,
          cursor: page.prevCursor,
          direction: 'newer',
        });
        back.unshift(page.items.map((i) => i.id));
      }
      expect(back).toEqual(pages.slice(0, -1));
    });

    it('returns the same first page after going older then newer', async () => {
      const contact = await seedContact(deps, tenant.workspace.id);
      for (let i = 0; i < 5; i++) await logAt(contact, hoursAgo(i + 1));
      const first = await service.contactTimeline(tenant.member, { contactId: contact.id, limit: 2 });
      const second = await service.contactTimeline(tenant.member, {
        contactId: contact.id,
        limit: 2,
        cursor: first.nextCursor,
      });
      expect(second.prevCursor).toBeDefined();
      const again = await service.contactTimeline(tenant.member, {
        contactId: contact.id,
        limit: 2,
        cursor: second.prevCursor,
        direction: 'newer',
      });
      expect(again.items).toEqual(first.items);
      expect(again.prevCursor).toBeUndefined();
      expect(again.nextCursor).toBeDefined();
    });

    it('rejects a tampered cursor and a bad page size on their fields', async () => {
      const contact = await seedContact(deps, tenant.workspace.id);
      for (const cursor of [
        'not-a-cursor',
        encodeCursor({ at: 'yesterday', id: 'x' }),
        Buffer.from('[1]').toString('base64url'),
      ]) {
        await expect(
          service.contactTimeline(tenant.member, { contactId: contact.id, cursor }),
        ).rejects.toMatchObject({
          code: ErrorCode.ValidationFailed,
          fieldErrors: { cursor: expect.any(String) },
        });
      }
      for (const limit of [0, 51, 2.5]) {
        await expect(
          service.contactTimeline(tenant.member, { contactId: contact.id, limit }),
        ).rejects.toMatchObject({
          fieldErrors: { limit: expect.any(String) },
        });
      }
    });

    it('reports an unknown contact as not found', async () => {
      await expect(service.contactTimeline(tenant.member, { contactId: 'ghost' })).rejects.toMatchObject({
        code: ErrorCode.ContactNotFound,
      });
    });

    it('takes a contact the caller already found, but never one from another workspace', async () => {
      const contact = await seedContact(deps, tenant.workspace.id, { firstName: 'Known' });
      await logAt(contact, hoursAgo(1));
      const renamed = { ...contact, firstName: 'As found' };
      const page = await service.contactTimeline(tenant.member, { contactId: contact.id }, renamed);
      expect([page.contact.firstName, page.total]).toEqual(['As found', 1]);

      const other = await seedTenant(deps, 'Other team');
      const foreign = await seedContact(deps, other.workspace.id, { firstName: 'Foreign' });
      await expect(
        service.contactTimeline(tenant.member, { contactId: foreign.id }, foreign),
      ).rejects.toMatchObject({ code: ErrorCode.ContactNotFound });
    });
  });

  describe('organisation timeline', () => {
    let organisation: Organisation;
    let inOrg: Interaction[];

    beforeAll(async () => {
      organisation = await deps.organisations.insertOrGet(
        makeOrganisation({ workspaceId: tenant.workspace.id, name: 'Globex' }),
      );
      const alice = await seedContact(deps, tenant.workspace.id, {
        firstName: 'Alice',
        organisationId: organisation.id,
      });
      const bob = await seedContact(deps, tenant.workspace.id, {
        firstName: 'Bob',
        organisationId: organisation.id,
      });
      const outsider = await seedContact(deps, tenant.workspace.id, { firstName: 'Olive' });
      inOrg = [
        await logAt(alice, hoursAgo(3)),
        await logAt(bob, hoursAgo(1)),
        await logAt(alice, hoursAgo(2)),
      ];
      await logAt(outsider, hoursAgo(1));
    });

    it("merges the organisation's contacts' interactions, newest first, with the total", async () => {
      const page = await service.organisationTimeline(tenant.viewer, {
        organisationId: organisation.id,
        limit: 2,
      });
      expect(page.organisation).toEqual(organisation);
      expect(page.total).toBe(3);
      expect(page.items.map((i) => i.id)).toEqual(displayOrder(inOrg).slice(0, 2));
      const rest = await service.organisationTimeline(tenant.viewer, {
        organisationId: organisation.id,
        limit: 2,
        cursor: page.nextCursor,
      });
      expect(rest.items.map((i) => i.id)).toEqual(displayOrder(inOrg).slice(2));
      expect(rest.nextCursor).toBeUndefined();
    });

    it('follows a contact that leaves the organisation once its fields are refreshed', async () => {
      const leaving = inOrg[1]!;
      await deps.interactions.refreshContactFields(
        tenant.workspace.id,
        leaving.contactId,
        'Bob Renamed',
        undefined,
      );
      const page = await service.organisationTimeline(tenant.viewer, { organisationId: organisation.id });
      expect(page.items.map((i) => i.contactId)).not.toContain(leaving.contactId);
      const moved = await deps.interactions.findById(tenant.workspace.id, leaving.id);
      expect(moved).toMatchObject({ contactName: 'Bob Renamed' });
      expect(moved!.organisationId).toBeUndefined();
    });

    it('reports an unknown organisation as not found', async () => {
      await expect(
        service.organisationTimeline(tenant.member, { organisationId: 'ghost' }),
      ).rejects.toMatchObject({
        code: ErrorCode.OrganisationNotFound,
      });
    });
  });
});
