import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFollowUpService } from '../../../src/core/followups/follow-up.service.js';
import type { Interaction } from '../../../src/core/interactions/interaction.js';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import type { Actor } from '../../../src/core/shared/actor.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';
import { ENGINES } from '../../support/engines.js';
import {
  makeDeps,
  makeOrganisation,
  seedContact,
  seedTenant,
  T0,
  type TestDeps,
} from '../../support/fixtures.js';

describe.each(ENGINES)('the workspace list on $name', (engine) => {
  const store = engine.use();
  let deps: TestDeps;
  let service: ReturnType<typeof createInteractionService>;
  let reader: Actor;
  let orgId: string;
  const r: Record<string, Interaction> = {};
  const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
  const file = { name: 'a.pdf', mimeType: 'application/pdf', size: 1, url: 'https://files.test/a' };

  /**
   * r1 Lévy   Call    [Discussion]    member  -24h important  "Price a+b (c) agreed"
   * r2 Martin Visit   [Agreed,Donated] other  -48h attachment "Visited the site"
   * r3 Dupont Meeting []              member  -72h follow-up open, due +24h   "ab c"
   * r4 Lévy   Email   [To call back]  owner   -96h follow-up due +1h (overdue at +2h) "Crème brûlée"
   * r5 Martin Call    [Discussion]    member -120h follow-up done
   */
  beforeAll(async () => {
    deps = makeDeps(store.storage);
    service = createInteractionService(deps);
    const tenant = await seedTenant(deps);
    reader = tenant.viewer;
    const org = await deps.organisations.insertOrGet(makeOrganisation({ workspaceId: tenant.workspace.id }));
    orgId = org.id;
    const ws = tenant.workspace.id;
    const levy = await seedContact(deps, ws, {
      firstName: 'Sarah',
      lastName: 'Lévy',
      organisationId: org.id,
    });
    const martin = await seedContact(deps, ws, {
      firstName: 'Paul',
      lastName: 'Martin',
      organisationId: org.id,
    });
    const dupont = await seedContact(deps, ws, { firstName: 'Anne', lastName: 'Dupont' });
    const log = async (name: string, actor: Actor, input: Record<string, unknown>) => {
      const result = await service.logInteraction(actor, { idempotencyKey: name, ...input });
      r[name] = result.interactions[0]!;
    };
    await log('r1', tenant.member, {
      contactIds: [levy.id],
      type: 'Call',
      actions: ['Discussion'],
      occurredAt: at(-24),
      important: true,
      description: 'Price a+b (c) agreed',
    });
    await log('r2', tenant.otherMember, {
      contactIds: [martin.id],
      type: 'Visit',
      actions: ['Agreed', 'Donated'],
      occurredAt: at(-48),
      attachments: [file],
      description: 'Visited the site',
    });
    await log('r3', tenant.member, {
      contactIds: [dupont.id],
      type: 'Meeting',
      occurredAt: at(-72),
      followUp: { dueAt: at(24) },
      description: 'ab c',
    });
    await log('r4', tenant.owner, {
      contactIds: [levy.id],
      type: 'Email',
      actions: ['To call back'],
      occurredAt: at(-96),
      followUp: { dueAt: at(1) },
      description: 'Crème brûlée',
    });
    await log('r5', tenant.member, {
      contactIds: [martin.id],
      type: 'Call',
      actions: ['Discussion'],
      occurredAt: at(-120),
      followUp: { dueAt: at(2) },
    });
    await createFollowUpService(deps).markDone(tenant.member, { interactionId: r.r5!.id });

    const elsewhere = await seedTenant(deps, 'Other team');
    const stranger = await seedContact(deps, elsewhere.workspace.id, {
      firstName: 'Sarah',
      lastName: 'Lévy',
    });
    await service.logInteraction(elsewhere.member, {
      idempotencyKey: 'x1',
      contactIds: [stranger.id],
      type: 'Call',
    });
  });
  beforeEach(() => deps.clock.set(at(2)));

  async function names(input: Record<string, unknown>): Promise<string[]> {
    const page = await service.listInteractions(reader, { limit: 50, ...input });
    expect(page.total).toBe(page.items.length);
    const byId = new Map(Object.entries(r).map(([name, record]) => [record.id, name]));
    return page.items.map((item) => byId.get(item.id) ?? item.id);
  }

  describe('the workspace list', () => {
    it('lists every interaction of the workspace, newest first, with the total', async () => {
      expect(await names({})).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    });

    it.each([
      ['a date range (from inclusive, to exclusive)', { from: at(-96), to: at(-24) }, ['r2', 'r3', 'r4']],
      ['types', { types: ['Call', 'Email'] }, ['r1', 'r4', 'r5']],
      ['any of the actions', { actions: ['Agreed', 'To call back'] }, ['r2', 'r4']],
      ['authors', { authorIds: ['U-other', 'U-owner'] }, ['r2', 'r4']],
      ['contacts', { contactIds: [] }, ['r1', 'r2', 'r3', 'r4', 'r5']],
      ['a contact name without accents', { contactText: 'levy' }, ['r1', 'r4']],
      ['a contact name in capitals, part of a word', { contactText: 'ARTI' }, ['r2', 'r5']],
      ['the organisation', { organisationId: 'ORG' }, ['r1', 'r2', 'r4', 'r5']],
      ['importance', { importantOnly: true }, ['r1']],
      ['attachments', { hasAttachments: true }, ['r2']],
      ['no attachments', { hasAttachments: false }, ['r1', 'r3', 'r4', 'r5']],
      ['open follow-ups', { followUp: 'open' }, ['r3', 'r4']],
      ['overdue follow-ups', { followUp: 'overdue' }, ['r4']],
      ['done follow-ups', { followUp: 'done' }, ['r5']],
      ['no follow-up', { followUp: 'none' }, ['r1', 'r2']],
      ['description text with regex characters, literally', { text: 'a+b (c)' }, ['r1']],
      ['description text without accents', { text: 'creme BRULEE' }, ['r4']],
      ['description text with a dot', { text: '.' }, []],
    ])('filters by %s', async (_name, filter, expected) => {
      const resolved = { ...filter, ...('organisationId' in filter ? { organisationId: orgId } : {}) };
      expect(await names({ filter: resolved })).toEqual(expected);
    });

    it('combines filters', async () => {
      expect(await names({ filter: { types: ['Call'], contactText: 'lévy' } })).toEqual(['r1']);
      expect(await names({ filter: { organisationId: orgId, from: at(-100), followUp: 'open' } })).toEqual([
        'r4',
      ]);
      expect(
        await names({ filter: { authorIds: ['U-member'], actions: ['Discussion'], importantOnly: true } }),
      ).toEqual(['r1']);
      expect(await names({ filter: { text: 'e', hasAttachments: false, to: at(-50) } })).toEqual(['r4']);
    });

    it('treats a follow-up as overdue only once its time has passed', async () => {
      deps.clock.set(at(0));
      expect(await names({ filter: { followUp: 'overdue' } })).toEqual([]);
      deps.clock.set(at(25));
      expect(await names({ filter: { followUp: 'overdue' } })).toEqual(['r3', 'r4']);
    });

    it('filters by contact ids', async () => {
      expect(await names({ filter: { contactIds: [r.r2!.contactId] } })).toEqual(['r2', 'r5']);
    });
  });

  describe('sorting and paging the list', () => {
    it('sorts by type, then newest first', async () => {
      expect(await names({ sort: 'type' })).toEqual(['r1', 'r5', 'r4', 'r3', 'r2']);
    });

    it('pages by type with the same order and total on every page, and back', async () => {
      const seen: string[] = [];
      let page = await service.listInteractions(reader, { sort: 'type', limit: 2 });
      const firstIds = page.items.map((i) => i.id);
      seen.push(...firstIds);
      while (page.nextCursor) {
        expect(page.total).toBe(5);
        page = await service.listInteractions(reader, { sort: 'type', limit: 2, cursor: page.nextCursor });
        seen.push(...page.items.map((i) => i.id));
      }
      expect(seen).toEqual(['r1', 'r5', 'r4', 'r3', 'r2'].map((name) => r[name]!.id));
      const second = await service.listInteractions(reader, {
        sort: 'type',
        limit: 2,
        cursor: (await service.listInteractions(reader, { sort: 'type', limit: 2 })).nextCursor,
      });
      const back = await service.listInteractions(reader, {
        sort: 'type',
        limit: 2,
        cursor: second.prevCursor,
        direction: 'newer',
      });
      expect(back.items.map((i) => i.id)).toEqual(firstIds);
    });

    it('pages a filtered list with the filtered total', async () => {
      const page = await service.listInteractions(reader, { filter: { types: ['Call', 'Email'] }, limit: 2 });
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
      const rest = await service.listInteractions(reader, {
        filter: { types: ['Call', 'Email'] },
        limit: 2,
        cursor: page.nextCursor,
      });
      expect(rest.items.map((i) => i.id)).toEqual([r.r5!.id]);
    });

    it('rejects a date cursor when sorting by type, and an end date before the start', async () => {
      const dateCursor = (await service.listInteractions(reader, { limit: 1 })).nextCursor;
      await expect(
        service.listInteractions(reader, { sort: 'type', cursor: dateCursor }),
      ).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        fieldErrors: { cursor: expect.any(String) },
      });
      await expect(
        service.listInteractions(reader, { filter: { from: at(-1), to: at(-2) } }),
      ).rejects.toMatchObject({ fieldErrors: { 'filter.to': expect.any(String) } });
    });
  });
});
