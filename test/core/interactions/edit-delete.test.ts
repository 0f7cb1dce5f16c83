import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
import { ENGINES } from '../../support/engines.js';
import { makeDeps, seedContact, seedTenant, T0, type Tenant, type TestDeps } from '../../support/fixtures.js';

describe.each(ENGINES)('editing and deleting interactions on $name', (engine) => {
  const handle = engine.use();
  let deps: TestDeps;
  let service: ReturnType<typeof createInteractionService>;
  let tenant: Tenant;
  let contactId: string;
  let keys = 0;
  const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

  beforeAll(async () => {
    deps = makeDeps(handle.storage);
    service = createInteractionService(deps);
    tenant = await seedTenant(deps);
    contactId = (await seedContact(deps, tenant.workspace.id)).id;
  });
  beforeEach(() => {
    deps.clock.set(T0);
    deps.scheduler.reset();
  });

  async function logged(author: Actor, extra: Record<string, unknown> = {}) {
    const result = await service.logInteraction(author, {
      idempotencyKey: `edit-${++keys}`,
      contactIds: [contactId],
      type: 'Visit',
      actions: ['Discussion'],
      description: 'First visit',
      visitAddress: '1 Main Street',
      occurredAt: hours(-2),
      ...extra,
    });
    deps.scheduler.reset();
    return result.interactions[0]!;
  }

  async function auditOf(id: string) {
    return deps.audit.listForTarget(tenant.workspace.id, id);
  }

  describe('editing an interaction', () => {
    it('lets the author change type, actions, description, date and importance, audited before and after', async () => {
      const original = await logged(tenant.member);
      deps.clock.set(hours(1));
      const edited = await service.editInteraction(tenant.member, {
        id: original.id,
        type: 'Call',
        actions: ['Agreed', 'Brand new action'],
        description: 'Actually a call',
        occurredAt: hours(-3),
        important: true,
      });
      expect(edited).toMatchObject({
        type: 'Call',
        actions: ['Agreed', 'Brand new action'],
        description: 'Actually a call',
        occurredAt: hours(-3),
        important: true,
        updatedAt: hours(1),
        authorId: 'U-member',
      });
      expect(edited.visitAddress).toBeUndefined(); // only a Visit keeps an address
      const [entry] = await auditOf(original.id);
      expect(entry).toMatchObject({ action: 'interaction.updated', actorId: 'U-member', at: hours(1) });
      expect(JSON.parse(entry!.before!)).toMatchObject({ type: 'Visit', description: 'First visit' });
      expect(JSON.parse(entry!.after!)).toMatchObject({ type: 'Call', description: 'Actually a call' });
      const workspace = await deps.workspaces.findById(tenant.workspace.id);
      expect(workspace!.settings.actions).toContain('Brand new action');
    });

    it('writes nothing when the form is re-sent unchanged', async () => {
      const original = await logged(tenant.member);
      const same = await service.editInteraction(tenant.member, {
        id: original.id,
        type: 'Visit',
        actions: ['Discussion'],
        description: 'First visit',
        occurredAt: original.occurredAt.toISOString(),
        visitAddress: '1 Main Street',
      });
      expect(same).toEqual(original);
      expect(await auditOf(original.id)).toHaveLength(1); // only "created"
    });

    it('forbids another member and a viewer, and leaves the record as it was', async () => {
      const original = await logged(tenant.member);
      for (const actor of [tenant.otherMember, tenant.viewer]) {
        await expect(
          service.editInteraction(actor, { id: original.id, description: 'hijacked' }),
        ).rejects.toMatchObject({
          code: ErrorCode.Forbidden,
        });
        await expect(service.deleteInteraction(actor, { id: original.id })).rejects.toMatchObject({
          code: ErrorCode.Forbidden,
        });
      }
      expect(await deps.interactions.findById(tenant.workspace.id, original.id)).toEqual(original);
    });

    it("lets the owner edit anyone's interaction", async () => {
      const original = await logged(tenant.member);
      deps.clock.set(hours(1));
      const edited = await service.editInteraction(tenant.owner, {
        id: original.id,
        description: 'Fixed by admin',
      });
      expect(edited).toMatchObject({ description: 'Fixed by admin', authorId: 'U-member' });
      expect((await auditOf(original.id))[0]).toMatchObject({ actorId: 'U-owner' });
    });

    it('reports a missing interaction as not found', async () => {
      await expect(
        service.editInteraction(tenant.owner, { id: 'nope', description: 'x' }),
      ).rejects.toMatchObject({
        code: ErrorCode.InteractionNotFound,
      });
    });

    it('rejects a future date on its field and changes nothing', async () => {
      const original = await logged(tenant.member);
      await expect(
        service.editInteraction(tenant.member, { id: original.id, occurredAt: hours(2), description: 'x' }),
      ).rejects.toMatchObject({ fieldErrors: { occurredAt: "The date can't be in the future" } });
      expect(await deps.interactions.findById(tenant.workspace.id, original.id)).toEqual(original);
    });

    it('clears optional fields given as null or empty', async () => {
      const original = await logged(tenant.member, { direction: 'inbound', channel: 'call' });
      const edited = await service.editInteraction(tenant.member, {
        id: original.id,
        direction: null,
        channel: null,
        visitAddress: '',
      });
      expect(edited.direction).toBeUndefined();
      expect(edited.channel).toBeUndefined();
      expect(edited.visitAddress).toBeUndefined();
    });
  });

  describe('follow-ups through edits', () => {
    it('schedules a new follow-up, moves it, and cancels it when removed', async () => {
      const original = await logged(tenant.member);
      const added = await service.editInteraction(tenant.member, {
        id: original.id,
        followUp: { dueAt: hours(24) },
      });
      expect(added.followUp).toEqual({ dueAt: hours(24), assigneeId: 'U-member', status: 'open' });
      const moved = await service.editInteraction(tenant.member, {
        id: original.id,
        followUp: { dueAt: hours(48), assigneeId: 'U-other' },
      });
      expect(moved.followUp).toEqual({ dueAt: hours(48), assigneeId: 'U-other', status: 'open' });
      const removed = await service.editInteraction(tenant.member, { id: original.id, followUp: null });
      expect(removed.followUp).toBeUndefined();
      expect(deps.scheduler.scheduled.map((r) => [r.assigneeId, r.fireAt])).toEqual([
        ['U-member', hours(24)],
        ['U-other', hours(48)],
      ]);
      expect(deps.scheduler.cancelled).toEqual([original.id]);
    });

    it('accepts an unchanged overdue follow-up re-sent by the form, but not a new date in the past', async () => {
      const original = await logged(tenant.member, { followUp: { dueAt: hours(1) } });
      deps.clock.set(hours(3));
      const edited = await service.editInteraction(tenant.member, {
        id: original.id,
        description: 'Still to do',
        followUp: { dueAt: hours(1) },
      });
      expect(edited.followUp).toEqual(original.followUp);
      expect(deps.scheduler.scheduled).toEqual([]);
      await expect(
        service.editInteraction(tenant.member, { id: original.id, followUp: { dueAt: hours(2) } }),
      ).rejects.toMatchObject({ fieldErrors: { 'followUp.dueAt': expect.any(String) } });
    });
  });

  describe('deleting an interaction', () => {
    it('removes the record and its attachment references, audits it and cancels its reminder', async () => {
      const original = await logged(tenant.member, {
        followUp: { dueAt: hours(5) },
        attachments: [{ name: 'a.pdf', mimeType: 'application/pdf', size: 3, url: 'https://files.test/a' }],
      });
      deps.clock.set(hours(1));
      const { deleted } = await service.deleteInteraction(tenant.member, { id: original.id });
      expect(deleted).toEqual(original);
      expect(await deps.interactions.findById(tenant.workspace.id, original.id)).toBeNull();
      const [entry] = await auditOf(original.id);
      expect(entry).toMatchObject({ action: 'interaction.deleted', actorId: 'U-member', at: hours(1) });
      expect(JSON.parse(entry!.before!)).toMatchObject({ id: original.id, attachments: [{ name: 'a.pdf' }] });
      expect(entry!.after).toBeUndefined();
      expect(deps.scheduler.cancelled).toEqual([original.id]);
      await expect(service.deleteInteraction(tenant.member, { id: original.id })).rejects.toMatchObject({
        code: ErrorCode.InteractionNotFound,
      });
    });

    it("lets the owner delete anyone's interaction", async () => {
      const original = await logged(tenant.otherMember);
      deps.clock.set(hours(1));
      await service.deleteInteraction(tenant.owner, { id: original.id });
      expect(await deps.interactions.findById(tenant.workspace.id, original.id)).toBeNull();
      expect((await auditOf(original.id))[0]).toMatchObject({
        action: 'interaction.deleted',
        actorId: 'U-owner',
      });
    });

    it('puts the record back when the deletion cannot be audited', async () => {
      const original = await logged(tenant.member);
      const failing = createInteractionService({
        ...deps,
        audit: { insertMany: () => Promise.reject(new Error('audit down')), listForTarget: async () => [] },
      });
      await expect(failing.deleteInteraction(tenant.member, { id: original.id })).rejects.toThrow(
        'audit down',
      );
      expect(await deps.interactions.findById(tenant.workspace.id, original.id)).toEqual(original);
    });
  });
});
