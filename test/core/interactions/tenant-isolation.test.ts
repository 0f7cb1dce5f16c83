import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Organisation } from '../../../src/core/contacts/contact.js';
import { createFollowUpService } from '../../../src/core/followups/follow-up.service.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
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

describe.each(ENGINES)('tenant isolation on $name', (engine) => {
  /** Both tenants use the same user ids (U-member, U-owner…): only the workspace tells them apart. */
  const handle = engine.use();
  let deps: TestDeps;
  let service: ReturnType<typeof createInteractionService>;
  let followUps: ReturnType<typeof createFollowUpService>;
  let a: Tenant;
  let b: Tenant;
  let contactA: Contact;
  let orgA: Organisation;
  let recordA: Interaction;

  beforeAll(async () => {
    deps = makeDeps(handle.storage);
    service = createInteractionService(deps);
    followUps = createFollowUpService(deps);
    a = await seedTenant(deps, 'Tenant A');
    b = await seedTenant(deps, 'Tenant B');
    orgA = await deps.organisations.insertOrGet(makeOrganisation({ workspaceId: a.workspace.id }));
    contactA = await seedContact(deps, a.workspace.id, {
      firstName: 'Sarah',
      lastName: 'Lévy',
      organisationId: orgA.id,
    });
    const logged = await service.logInteraction(a.member, {
      idempotencyKey: 'shared-submission-id',
      contactIds: [contactA.id],
      type: 'Secret type of A',
      description: 'Confidential',
      followUp: { dueAt: new Date(T0.getTime() + 3_600_000) },
    });
    recordA = logged.interactions[0]!;
  });

  const notFound = { code: ErrorCode.InteractionNotFound };

  describe('a second workspace sees nothing of the first', () => {
    it('cannot edit or delete with ids from workspace A, even as owner', async () => {
      await expect(
        service.editInteraction(b.owner, { id: recordA.id, description: 'x' }),
      ).rejects.toMatchObject(notFound);
      await expect(service.deleteInteraction(b.owner, { id: recordA.id })).rejects.toMatchObject(notFound);
      await expect(
        service.editInteraction(b.member, { id: recordA.id, description: 'x' }),
      ).rejects.toMatchObject(notFound);
      expect(await deps.interactions.findById(a.workspace.id, recordA.id)).toEqual(recordA);
    });

    it("cannot read A's contact or organisation timeline", async () => {
      await expect(service.contactTimeline(b.owner, { contactId: contactA.id })).rejects.toMatchObject({
        code: ErrorCode.ContactNotFound,
      });
      await expect(service.organisationTimeline(b.owner, { organisationId: orgA.id })).rejects.toMatchObject({
        code: ErrorCode.OrganisationNotFound,
      });
    });

    it("finds none of A's interactions in the list, whatever the filter", async () => {
      for (const filter of [
        {},
        { contactIds: [contactA.id] },
        { organisationId: orgA.id },
        { contactText: 'levy' },
        { text: 'confidential' },
        { authorIds: ['U-member'] },
        { followUp: 'open' },
      ]) {
        const page = await service.listInteractions(b.owner, { filter });
        expect(page).toMatchObject({ items: [], total: 0 });
      }
    });

    it("cannot log against A's contact, and nothing of B's lists comes from A", async () => {
      await expect(
        service.logInteraction(b.member, { idempotencyKey: 'k', contactIds: [contactA.id], type: 'Call' }),
      ).rejects.toMatchObject({ fieldErrors: { contactIds: expect.any(String) } });
      const workspaceB = await deps.workspaces.findById(b.workspace.id);
      expect(workspaceB!.settings.interactionTypes).not.toContain('Secret type of A');
    });

    it("reuses a submission id of A without replaying A's records", async () => {
      const contactB = await seedContact(deps, b.workspace.id);
      const result = await service.logInteraction(b.member, {
        idempotencyKey: 'shared-submission-id',
        contactIds: [contactB.id],
        type: 'Call',
      });
      expect(result.replayed).toBe(false);
      expect(result.interactions[0]).toMatchObject({ workspaceId: b.workspace.id, contactId: contactB.id });
      expect(result.eventId).not.toBe(recordA.eventId);
    });

    it("cannot see or act on A's follow-ups, though the user ids are the same", async () => {
      expect(await followUps.listMyFollowUps(b.member, { scope: 'open' })).toEqual([]);
      expect(await followUps.listMyFollowUps(b.member, { scope: 'due' })).toEqual([]);
      const target = { interactionId: recordA.id };
      await expect(followUps.markDone(b.member, target)).rejects.toMatchObject(notFound);
      await expect(followUps.snooze(b.member, { ...target, preset: '1h' })).rejects.toMatchObject(notFound);
      await expect(followUps.reassign(b.owner, { ...target, assigneeId: 'U-other' })).rejects.toMatchObject(
        notFound,
      );
      expect(await deps.interactions.findById(a.workspace.id, recordA.id)).toEqual(recordA);
    });

    it('still lets A see its own record', async () => {
      const page = await service.contactTimeline(a.viewer, { contactId: contactA.id });
      expect(page.items).toEqual([recordA]);
    });
  });
});
