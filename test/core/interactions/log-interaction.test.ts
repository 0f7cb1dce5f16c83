import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
import { ENGINES } from '../../support/engines.js';
import {
  makeDeps,
  seedContact,
  seedTenant,
  T0,
  type Tenant,
  type TestDeps,
  writtenIn,
} from '../../support/fixtures.js';

describe.each(ENGINES)('logging interactions on $name', (engine) => {
  const handle = engine.use();
  let deps: TestDeps;
  let service: ReturnType<typeof createInteractionService>;
  let tenant: Tenant;
  let keyCounter = 0;
  const newKey = () => `view-${++keyCounter}`;

  beforeAll(async () => {
    deps = makeDeps(handle.storage);
    service = createInteractionService(deps);
    tenant = await seedTenant(deps);
  });
  beforeEach(() => deps.scheduler.reset());

  async function contacts(n: number) {
    return Promise.all(
      Array.from({ length: n }, (_, i) =>
        seedContact(deps, tenant.workspace.id, { firstName: `C${i}`, lastName: `Person ${keyCounter}` }),
      ),
    );
  }

  describe('logging an interaction', () => {
    it('records one interaction for one contact with the author, the contact name and the defaults', async () => {
      const [contact] = await contacts(1);
      const result = await service.logInteraction(tenant.member, {
        idempotencyKey: newKey(),
        contactIds: [contact!.id],
        type: 'Call',
        description: '  Talked about the renewal  ',
      });
      expect(result.replayed).toBe(false);
      expect(result.contacts).toEqual([
        { id: contact!.id, name: `${contact!.firstName} ${contact!.lastName}` },
      ]);
      const [record] = result.interactions;
      expect(record).toMatchObject({
        workspaceId: tenant.workspace.id,
        eventId: result.eventId,
        contactId: contact!.id,
        contactName: `${contact!.firstName} ${contact!.lastName}`,
        type: 'Call',
        actions: [],
        description: 'Talked about the renewal',
        occurredAt: T0,
        authorId: 'U-member',
        authorName: 'Mia Member',
        important: false,
        attachments: [],
        source: { kind: 'manual' },
      });
      expect(await deps.interactions.findById(tenant.workspace.id, record!.id)).toEqual(record);
    });

    it('logs a collective event as one record per contact sharing one event id', async () => {
      const people = await contacts(3);
      const ids = people.map((p) => p.id);
      const result = await service.logInteraction(tenant.member, {
        idempotencyKey: newKey(),
        contactIds: [...ids, ids[0]],
        type: 'Meeting',
        actions: ['Discussion'],
        occurredAt: '2025-03-09T18:30:00+01:00',
      });
      expect(result.interactions.map((i) => i.contactId)).toEqual(ids);
      expect(new Set(result.interactions.map((i) => i.eventId))).toEqual(new Set([result.eventId]));
      expect(new Set(result.interactions.map((i) => i.id)).size).toBe(3);
      for (const record of result.interactions) {
        expect(record.occurredAt).toEqual(new Date('2025-03-09T17:30:00.000Z'));
        expect(await deps.interactions.countForContact(tenant.workspace.id, record.contactId)).toBe(1);
      }
    });

    it('adds a custom type and new actions to the workspace lists, and reuses listed spellings', async () => {
      const [contact] = await contacts(1);
      const result = await service.logInteraction(tenant.member, {
        idempotencyKey: newKey(),
        contactIds: [contact!.id],
        type: 'Home delivery',
        actions: ['discussion', 'Parcel left', 'parcel LEFT'],
      });
      expect(result.interactions[0]).toMatchObject({
        type: 'Home delivery',
        actions: ['Discussion', 'Parcel left'],
      });
      const workspace = await deps.workspaces.findById(tenant.workspace.id);
      expect(workspace!.settings.interactionTypes).toContain('Home delivery');
      expect(workspace!.settings.actions.filter((a) => a.toLowerCase() === 'parcel left')).toEqual([
        'Parcel left',
      ]);
      expect(workspace!.settings.actions.filter((a) => a.toLowerCase() === 'discussion')).toEqual([
        'Discussion',
      ]);
    });

    it('keeps the visit address only on a Visit, and keeps direction, channel, attachments and source', async () => {
      const [contact] = await contacts(1);
      const common = {
        contactIds: [contact!.id],
        visitAddress: '1 Main Street',
        direction: 'outbound',
        channel: 'in_person',
        attachments: [
          { name: 'plan.pdf', mimeType: 'application/pdf', size: 1200, url: 'https://files.test/p' },
        ],
        source: { kind: 'chat-message', link: 'https://chat.test/archives/C1/p1' },
      };
      const visit = await service.logInteraction(tenant.member, {
        ...common,
        idempotencyKey: newKey(),
        type: 'visit',
      });
      const call = await service.logInteraction(tenant.member, {
        ...common,
        idempotencyKey: newKey(),
        type: 'Call',
      });
      expect(visit.interactions[0]).toMatchObject({ type: 'Visit', visitAddress: '1 Main Street' });
      expect(call.interactions[0]!.visitAddress).toBeUndefined();
      expect(call.interactions[0]).toMatchObject({
        direction: 'outbound',
        channel: 'in_person',
        attachments: common.attachments,
        source: common.source,
      });
    });

    it('audits each created record with the record as "after"', async () => {
      const people = await contacts(2);
      const result = await service.logInteraction(tenant.member, {
        idempotencyKey: newKey(),
        contactIds: people.map((p) => p.id),
        type: 'Call',
      });
      for (const record of result.interactions) {
        const [entry] = await deps.audit.listForTarget(tenant.workspace.id, record.id);
        expect(entry).toMatchObject({ action: 'interaction.created', actorId: 'U-member', at: T0 });
        expect(JSON.parse(entry!.after!)).toMatchObject({ id: record.id, contactId: record.contactId });
      }
    });

    it('schedules one reminder per record for the assignee, the author by default', async () => {
      const people = await contacts(2);
      const dueAt = new Date(T0.getTime() + 86_400_000);
      const mine = await service.logInteraction(tenant.member, {
        idempotencyKey: newKey(),
        contactIds: [people[0]!.id],
        type: 'Call',
        followUp: { dueAt: dueAt.toISOString() },
      });
      const theirs = await service.logInteraction(tenant.member, {
        idempotencyKey: newKey(),
        contactIds: [people[1]!.id],
        type: 'Call',
        followUp: { dueAt, assigneeId: 'U-other' },
      });
      expect(mine.interactions[0]!.followUp).toEqual({ dueAt, assigneeId: 'U-member', status: 'open' });
      expect(deps.scheduler.scheduled).toEqual([
        expect.objectContaining({
          interactionId: mine.interactions[0]!.id,
          assigneeId: 'U-member',
          fireAt: dueAt,
        }),
        expect.objectContaining({
          interactionId: theirs.interactions[0]!.id,
          assigneeId: 'U-other',
          fireAt: dueAt,
        }),
      ]);
    });
  });

  describe('what logging refuses', () => {
    it('forbids viewers and writes nothing', async () => {
      const [contact] = await contacts(1);
      const before = await writtenIn(handle, tenant.workspace.id);
      await expect(
        service.logInteraction(tenant.viewer, {
          idempotencyKey: newKey(),
          contactIds: [contact!.id],
          type: 'Call',
        }),
      ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
      expect(await writtenIn(handle, tenant.workspace.id)).toEqual(before);
    });

    it('rejects the whole log when some contacts are unknown, saying how many, and writes nothing', async () => {
      const [known] = await contacts(1);
      const before = await writtenIn(handle, tenant.workspace.id);
      await expect(
        service.logInteraction(tenant.member, {
          idempotencyKey: newKey(),
          contactIds: [known!.id, 'missing-1', 'missing-2'],
          type: 'Brand new type',
        }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        fieldErrors: { contactIds: expect.stringContaining('2 of the chosen contacts') },
      });
      expect(await writtenIn(handle, tenant.workspace.id)).toEqual(before);
      const workspace = await deps.workspaces.findById(tenant.workspace.id);
      expect(workspace!.settings.interactionTypes).not.toContain('Brand new type');
    });

    it('rejects a follow-up for someone who is not a member able to write', async () => {
      const [contact] = await contacts(1);
      const dueAt = new Date(T0.getTime() + 3_600_000);
      for (const assigneeId of ['U-stranger', 'U-viewer']) {
        await expect(
          service.logInteraction(tenant.member, {
            idempotencyKey: newKey(),
            contactIds: [contact!.id],
            type: 'Call',
            followUp: { dueAt, assigneeId },
          }),
        ).rejects.toMatchObject({ fieldErrors: { 'followUp.assigneeId': expect.any(String) } });
      }
      expect(await deps.interactions.countForContact(tenant.workspace.id, contact!.id)).toBe(0);
    });
  });

  describe('idempotency', () => {
    it('returns the first records when the same submission arrives twice', async () => {
      const people = await contacts(2);
      const input = { idempotencyKey: newKey(), contactIds: people.map((p) => p.id), type: 'Call' };
      const first = await service.logInteraction(tenant.member, input);
      const audited = await writtenIn(handle, tenant.workspace.id);
      const second = await service.logInteraction(tenant.member, input);
      expect(second.replayed).toBe(true);
      expect(second.eventId).toBe(first.eventId);
      expect(second.interactions).toEqual(first.interactions);
      expect(await writtenIn(handle, tenant.workspace.id)).toEqual(audited);
    });

    it('creates exactly one set when five identical submissions race', async () => {
      const people = await contacts(3);
      const input = { idempotencyKey: newKey(), contactIds: people.map((p) => p.id), type: 'Meeting' };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => service.logInteraction(tenant.member, input)),
      );
      const sets = results.map((r) => r.interactions.map((i: Interaction) => i.id).join(','));
      expect(new Set(sets).size).toBe(1);
      expect(new Set(results.map((r) => r.eventId)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      for (const person of people) {
        expect(await deps.interactions.countForContact(tenant.workspace.id, person.id)).toBe(1);
        const [record] = results[0]!.interactions.filter((i) => i.contactId === person.id);
        expect(await deps.audit.listForTarget(tenant.workspace.id, record!.id)).toHaveLength(1);
      }
    });
  });

  describe('compensation', () => {
    it('removes what it inserted when a later insert fails for another reason', async () => {
      const people = await contacts(3);
      let calls = 0;
      const failing = createInteractionService({
        ...deps,
        interactions: Object.assign(Object.create(deps.interactions), {
          insertMany: async (records: Interaction[]) => {
            calls++;
            if (calls === 2) {
              await deps.interactions.insertMany(records.slice(0, 1));
              throw new Error('connection reset');
            }
            return deps.interactions.insertMany(records);
          },
        }),
      });
      await expect(
        failing.logInteraction(tenant.member, {
          idempotencyKey: newKey(),
          contactIds: people.map((p) => p.id),
          type: 'Call',
        }),
      ).rejects.toThrow('connection reset');
      for (const person of people) {
        expect(await deps.interactions.countForContact(tenant.workspace.id, person.id)).toBe(0);
      }
    });

    it('removes the records when their audit entries cannot be written', async () => {
      const people = await contacts(2);
      const failing = createInteractionService({
        ...deps,
        audit: {
          insertMany: async () => Promise.reject(new Error('audit down')),
          listForTarget: async () => [],
        },
      });
      await expect(
        failing.logInteraction(tenant.member, {
          idempotencyKey: newKey(),
          contactIds: people.map((p) => p.id),
          type: 'Call',
        }),
      ).rejects.toThrow('audit down');
      for (const person of people) {
        expect(await deps.interactions.countForContact(tenant.workspace.id, person.id)).toBe(0);
      }
    });
  });
});
