import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFollowUpService } from '../../../src/core/followups/follow-up.service.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
import {
  makeDeps,
  seedContact,
  seedTenant,
  T0,
  type Tenant,
  type TestDeps,
  writtenIn,
} from '../../support/fixtures.js';
import { useTestDatabase } from '../../support/test-database.js';

const handle = useTestDatabase();
let deps: TestDeps;
let interactions: ReturnType<typeof createInteractionService>;
let followUps: ReturnType<typeof createFollowUpService>;
let tenant: Tenant;
let contactId: string;
let keys = 0;
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

beforeAll(async () => {
  deps = makeDeps(handle.db);
  interactions = createInteractionService(deps);
  followUps = createFollowUpService(deps);
  tenant = await seedTenant(deps);
  contactId = (await seedContact(deps, tenant.workspace.id)).id;
});
beforeEach(() => {
  deps.clock.set(T0);
  deps.scheduler.reset();
});

async function withFollowUp(author: Actor, assigneeId?: string): Promise<Interaction> {
  const result = await interactions.logInteraction(author, {
    idempotencyKey: `close-${++keys}`,
    contactIds: [contactId],
    type: 'Visit',
    followUp: { dueAt: at(4), ...(assigneeId ? { assigneeId } : {}) },
  });
  deps.scheduler.reset();
  return result.interactions[0]!;
}

const logFollowUp = (actor: Actor, closesFollowUpOf: string, extra: Record<string, unknown> = {}) =>
  interactions.logInteraction(actor, {
    idempotencyKey: `log-${++keys}`,
    contactIds: [contactId],
    type: 'Call',
    description: 'Called back as agreed',
    closesFollowUpOf,
    ...extra,
  });

const stored = (id: string) => deps.interactions.findById(tenant.workspace.id, id);

describe('logging a follow-up closes it (closesFollowUpOf)', () => {
  it('writes the log, then marks the follow-up done and cancels its reminder', async () => {
    const original = await withFollowUp(tenant.member);
    deps.clock.set(at(5));
    const result = await logFollowUp(tenant.member, original.id);
    expect(result.interactions).toHaveLength(1);
    expect(result.closedFollowUp?.followUp).toMatchObject({
      status: 'done',
      doneBy: 'U-member',
      doneAt: at(5),
    });
    expect((await stored(original.id))?.followUp?.status).toBe('done');
    expect(deps.scheduler.cancelled).toEqual([original.id]);
  });

  it('closes it once: a replayed submission and a follow-up already done change nothing more', async () => {
    const original = await withFollowUp(tenant.member);
    const input = {
      idempotencyKey: `log-${++keys}`,
      contactIds: [contactId],
      type: 'Call',
      closesFollowUpOf: original.id,
    };
    await interactions.logInteraction(tenant.member, input);
    const audit = await deps.audit.listForTarget(tenant.workspace.id, original.id);
    deps.clock.set(at(6));
    const replay = await interactions.logInteraction(tenant.member, input);
    expect(replay.replayed).toBe(true);
    expect(replay.closedFollowUp).toBeUndefined();
    expect(await deps.audit.listForTarget(tenant.workspace.id, original.id)).toHaveLength(audit.length);
    expect((await stored(original.id))?.followUp?.doneAt).toEqual(T0);

    deps.clock.set(T0);
    const doneElsewhere = await withFollowUp(tenant.member);
    await followUps.markDone(tenant.member, { interactionId: doneElsewhere.id });
    const logged = await logFollowUp(tenant.member, doneElsewhere.id);
    expect(logged.interactions).toHaveLength(1);
    expect(logged.closedFollowUp).toBeUndefined();
  });

  it('refuses, writing nothing, a follow-up the actor may not change or that does not exist here', async () => {
    const others = await withFollowUp(tenant.otherMember);
    const elsewhere = await seedTenant(deps, 'Elsewhere');
    const before = await writtenIn(handle.db, tenant.workspace.id);

    await expect(logFollowUp(tenant.member, others.id)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    // Another workspace's follow-up is not found from here, whoever asks.
    const foreign = await interactions.logInteraction(elsewhere.member, {
      idempotencyKey: `foreign-${++keys}`,
      contactIds: [(await seedContact(deps, elsewhere.workspace.id)).id],
      type: 'Call',
      followUp: { dueAt: at(4) },
    });
    await expect(logFollowUp(tenant.owner, foreign.interactions[0]!.id)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: { closesFollowUpOf: expect.stringContaining('no longer exists') },
    });
    expect(await writtenIn(handle.db, tenant.workspace.id)).toEqual(before);
    expect((await stored(others.id))?.followUp?.status).toBe('open');
  });

  it('refuses, writing nothing, a log that leaves out the follow-up’s contact', async () => {
    const original = await withFollowUp(tenant.member);
    const someoneElse = await seedContact(deps, tenant.workspace.id, { firstName: 'Other' });
    const before = await writtenIn(handle.db, tenant.workspace.id);
    await expect(
      logFollowUp(tenant.member, original.id, { contactIds: [someoneElse.id] }),
    ).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: { contactIds: expect.stringContaining('keep the contact it is about among the contacts') },
    });
    expect(await writtenIn(handle.db, tenant.workspace.id)).toEqual(before);
    expect((await stored(original.id))?.followUp?.status).toBe('open');
  });
});
