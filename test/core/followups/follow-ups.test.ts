import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { snoozeUntil } from '../../../src/core/followups/follow-up.schemas.js';
import { createFollowUpService } from '../../../src/core/followups/follow-up.service.js';
import { followUpFireAt, type Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
import { ENGINES } from '../../support/engines.js';
import { makeDeps, seedContact, seedTenant, T0, type Tenant, type TestDeps } from '../../support/fixtures.js';

describe.each(ENGINES)('follow-ups on $name', (engine) => {
  const handle = engine.use();
  let deps: TestDeps;
  let interactions: ReturnType<typeof createInteractionService>;
  let followUps: ReturnType<typeof createFollowUpService>;
  let tenant: Tenant;
  let contactId: string;
  let keys = 0;
  const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

  beforeAll(async () => {
    deps = makeDeps(handle.storage);
    interactions = createInteractionService(deps);
    followUps = createFollowUpService(deps);
    tenant = await seedTenant(deps);
    contactId = (await seedContact(deps, tenant.workspace.id)).id;
  });
  beforeEach(() => {
    deps.clock.set(T0);
    deps.scheduler.reset();
  });

  const contactsByWorkspace = new Map<string, string>();

  async function withFollowUp(author: Actor, dueAt: Date, assigneeId?: string): Promise<Interaction> {
    let contact = contactsByWorkspace.get(author.workspaceId);
    if (!contact) {
      contact = (await seedContact(deps, author.workspaceId)).id;
      contactsByWorkspace.set(author.workspaceId, contact);
    }
    const result = await interactions.logInteraction(author, {
      idempotencyKey: `fu-${++keys}`,
      contactIds: [contact],
      type: 'Call',
      followUp: { dueAt, ...(assigneeId ? { assigneeId } : {}) },
    });
    deps.scheduler.reset();
    return result.interactions[0]!;
  }

  const ids = (records: Interaction[]) => records.map((record) => record.id);

  describe('my follow-ups', () => {
    it('lists open, overdue and due-today follow-ups of the actor only, soonest fire time first', async () => {
      const person = await seedTenant(deps, 'Lists');
      const mine = (dueAt: Date) => withFollowUp(person.member, dueAt);
      const later = await mine(at(30));
      const soon = await mine(at(1));
      const tonight = await mine(at(8)); // T0 is 10:00 UTC: 18:00 is still today
      await withFollowUp(person.member, at(2), 'U-other');
      const snoozedPast = await mine(at(3));
      await followUps.snooze(person.member, { interactionId: snoozedPast.id, until: at(40) });

      expect(ids(await followUps.listMyFollowUps(person.member, { scope: 'open' }))).toEqual(
        ids([soon, tonight, later, snoozedPast]),
      );
      deps.clock.set(at(5));
      expect(ids(await followUps.listMyFollowUps(person.member, { scope: 'overdue' }))).toEqual(ids([soon]));
      expect(ids(await followUps.listMyFollowUps(person.member, { scope: 'due' }))).toEqual(
        ids([soon, tonight]),
      );
      expect(ids(await followUps.listMyFollowUps(person.member, { scope: 'open', limit: 1 }))).toEqual(
        ids([soon]),
      );
    });

    it("uses the member's own timezone for what is due today", async () => {
      const person = await seedTenant(deps, 'Timezones');
      await deps.members.updateMember(person.workspace.id, 'U-member', { timezone: 'Asia/Tokyo' }, T0);
      const late = await withFollowUp(person.member, at(8)); // 03:00 tomorrow in Tokyo
      const early = await withFollowUp(person.member, at(4)); // 23:00 today in Tokyo
      expect(ids(await followUps.listMyFollowUps(person.member, { scope: 'due' }))).toEqual(ids([early]));
      expect(ids(await followUps.listMyFollowUps(person.member, {}))).toEqual(ids([early, late]));
    });
  });

  describe('marking a follow-up done', () => {
    it('lets the assignee finish it: status, who and when, audit, reminder cancelled', async () => {
      const record = await withFollowUp(tenant.member, at(4), 'U-other');
      deps.clock.set(at(5));
      const done = await followUps.markDone(tenant.otherMember, { interactionId: record.id });
      expect(done.followUp).toEqual({
        dueAt: at(4),
        assigneeId: 'U-other',
        status: 'done',
        doneAt: at(5),
        doneBy: 'U-other',
      });
      expect(deps.scheduler.cancelled).toEqual([record.id]);
      const [entry] = await deps.audit.listForTarget(tenant.workspace.id, record.id);
      expect(entry).toMatchObject({ action: 'interaction.updated', actorId: 'U-other', at: at(5) });
      expect(JSON.parse(entry!.before!).followUp.status).toBe('open');
      expect(JSON.parse(entry!.after!).followUp.status).toBe('done');
      expect(ids(await followUps.listMyFollowUps(tenant.otherMember, { scope: 'open' }))).not.toContain(
        record.id,
      );
    });

    it('changes nothing when a done follow-up is marked done again (a second click)', async () => {
      const record = await withFollowUp(tenant.member, at(4));
      const done = await followUps.markDone(tenant.member, { interactionId: record.id });
      deps.clock.set(at(6));
      expect(await followUps.markDone(tenant.member, { interactionId: record.id })).toEqual(done);
      expect(await deps.audit.listForTarget(tenant.workspace.id, record.id)).toHaveLength(2);
    });

    it('lets the author and the owner finish it, but not another member or a viewer', async () => {
      const first = await withFollowUp(tenant.member, at(4), 'U-other');
      const second = await withFollowUp(tenant.member, at(4), 'U-other');
      const bystander: Actor = { workspaceId: tenant.workspace.id, userId: 'U-bystander', role: 'member' };
      for (const actor of [tenant.viewer, bystander]) {
        await expect(followUps.markDone(actor, { interactionId: first.id })).rejects.toMatchObject({
          code: ErrorCode.Forbidden,
        });
      }
      expect((await followUps.markDone(tenant.member, { interactionId: first.id })).followUp?.status).toBe(
        'done',
      );
      expect((await followUps.markDone(tenant.owner, { interactionId: second.id })).followUp?.doneBy).toBe(
        'U-owner',
      );
    });

    it('says when there is no follow-up or no interaction', async () => {
      const plain = await interactions.logInteraction(tenant.member, {
        idempotencyKey: `fu-${++keys}`,
        contactIds: [contactId],
        type: 'Call',
      });
      await expect(
        followUps.markDone(tenant.member, { interactionId: plain.interactions[0]!.id }),
      ).rejects.toMatchObject({
        code: ErrorCode.FollowUpNotFound,
      });
      await expect(followUps.markDone(tenant.member, { interactionId: 'ghost' })).rejects.toMatchObject({
        code: ErrorCode.InteractionNotFound,
      });
    });
  });

  describe('snoozing a follow-up', () => {
    it('moves the fire time and the reminder, keeping the due date', async () => {
      const record = await withFollowUp(tenant.member, at(2));
      deps.clock.set(at(3));
      const snoozed = await followUps.snooze(tenant.member, {
        interactionId: record.id,
        until: at(4).toISOString(),
      });
      expect(snoozed.followUp).toMatchObject({ dueAt: at(2), snoozedUntil: at(4), status: 'open' });
      expect(followUpFireAt(snoozed.followUp!)).toEqual(at(4));
      expect(deps.scheduler.scheduled).toEqual([
        expect.objectContaining({ interactionId: record.id, fireAt: at(4), assigneeId: 'U-member' }),
      ]);
      expect(ids(await followUps.listMyFollowUps(tenant.member, { scope: 'overdue' }))).not.toContain(
        record.id,
      );
      deps.clock.set(at(5));
      expect(ids(await followUps.listMyFollowUps(tenant.member, { scope: 'overdue' }))).toContain(record.id);
    });

    it('snoozes with the reminder buttons: 1 hour, tomorrow 09:00, next Monday 09:00', async () => {
      const record = await withFollowUp(tenant.member, at(2));
      const inAnHour = await followUps.snooze(tenant.member, { interactionId: record.id, preset: '1h' });
      expect(inAnHour.followUp?.snoozedUntil).toEqual(at(1));
      const tomorrow = await followUps.snooze(tenant.member, {
        interactionId: record.id,
        preset: 'tomorrow',
      });
      expect(tomorrow.followUp?.snoozedUntil).toEqual(new Date('2025-03-11T09:00:00.000Z'));
      expect(snoozeUntil('next-week', T0, 'Europe/Paris')).toEqual(new Date('2025-03-17T08:00:00.000Z'));
    });

    it('snoozes to tomorrow 09:00 UTC when the workspace zone was mistyped, as every date falls back', async () => {
      const person = await seedTenant(deps, 'Mistyped zone');
      await deps.workspaces.updateSettings(person.workspace.id, { timezone: 'Mars/Olympus_Mons' }, T0);
      const record = await withFollowUp(person.member, at(2));
      const snoozed = await followUps.snooze(person.member, { interactionId: record.id, preset: 'tomorrow' });
      expect(snoozed.followUp?.snoozedUntil).toEqual(new Date('2025-03-11T09:00:00.000Z'));
      expect(ids(await followUps.listMyFollowUps(person.member, { scope: 'due' }))).toEqual([]);
    });

    it('refuses a snooze to 9999-12-31, naming the five-year window, and moves nothing', async () => {
      const record = await withFollowUp(tenant.member, at(2));
      await expect(
        followUps.snooze(tenant.member, { interactionId: record.id, until: '9999-12-31T09:00:00.000Z' }),
      ).rejects.toMatchObject({
        fieldErrors: { until: expect.stringContaining("can't be more than 5 years ahead") },
      });
      expect(deps.scheduler.scheduled).toEqual([]);
    });

    it('refuses a time that is not in the future, and a follow-up that is already done', async () => {
      const record = await withFollowUp(tenant.member, at(2));
      await expect(
        followUps.snooze(tenant.member, { interactionId: record.id, until: at(-1) }),
      ).rejects.toMatchObject({
        fieldErrors: { until: expect.any(String) },
      });
      await followUps.markDone(tenant.member, { interactionId: record.id });
      await expect(
        followUps.snooze(tenant.member, { interactionId: record.id, until: at(5) }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        fieldErrors: { interactionId: 'This follow-up is already done.' },
      });
      expect(deps.scheduler.scheduled).toEqual([]);
    });
  });

  describe('reassigning a follow-up', () => {
    it('hands it to another member, whose list and reminder it joins', async () => {
      const record = await withFollowUp(tenant.member, at(6));
      deps.clock.set(at(1));
      const moved = await followUps.reassign(tenant.member, {
        interactionId: record.id,
        assigneeId: 'U-other',
      });
      expect(moved.followUp).toMatchObject({ assigneeId: 'U-other', status: 'open', dueAt: at(6) });
      expect(ids(await followUps.listMyFollowUps(tenant.otherMember, {}))).toContain(record.id);
      expect(ids(await followUps.listMyFollowUps(tenant.member, {}))).not.toContain(record.id);
      expect(deps.scheduler.scheduled).toEqual([
        expect.objectContaining({ interactionId: record.id, assigneeId: 'U-other' }),
      ]);
      const [entry] = await deps.audit.listForTarget(tenant.workspace.id, record.id);
      expect(JSON.parse(entry!.after!).followUp.assigneeId).toBe('U-other');
    });

    it('refuses viewers and people who are not members, and changes nothing', async () => {
      const record = await withFollowUp(tenant.member, at(6));
      for (const assigneeId of ['U-viewer', 'U-nobody']) {
        await expect(
          followUps.reassign(tenant.member, { interactionId: record.id, assigneeId }),
        ).rejects.toMatchObject({
          fieldErrors: { assigneeId: expect.any(String) },
        });
      }
      expect(await deps.interactions.findById(tenant.workspace.id, record.id)).toEqual(record);
      await expect(
        followUps.reassign(tenant.otherMember, { interactionId: record.id, assigneeId: 'U-other' }),
      ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    });
  });
});
