import { beforeAll, describe, expect, it } from 'vitest';
import { createInteractionService } from '../../../src/core/interactions/interaction.service.js';
import { ErrorCode, ValidationError } from '../../../src/core/shared/errors.js';
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

describe.each(ENGINES)('log validation on $name', (engine) => {
  const handle = engine.use();
  let deps: TestDeps;
  let service: ReturnType<typeof createInteractionService>;
  let tenant: Tenant;
  let contactId: string;

  beforeAll(async () => {
    deps = makeDeps(handle.storage);
    service = createInteractionService(deps);
    tenant = await seedTenant(deps);
    contactId = (await seedContact(deps, tenant.workspace.id)).id;
  });

  const minutes = (n: number) => new Date(T0.getTime() + n * 60_000).toISOString();
  const file = { name: 'a.pdf', mimeType: 'application/pdf', size: 10, url: 'https://files.test/a' };

  function valid(): Record<string, unknown> {
    return { idempotencyKey: `key-${Math.random()}`, contactIds: [contactId], type: 'Brand new type' };
  }

  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing submission id', { idempotencyKey: undefined }, 'idempotencyKey'],
    ['a submission id over 200 characters', { idempotencyKey: 'k'.repeat(201) }, 'idempotencyKey'],
    ['no contact', { contactIds: [] }, 'contactIds'],
    ['more than 500 contacts', { contactIds: Array.from({ length: 501 }, (_, i) => `c${i}`) }, 'contactIds'],
    ['contacts that are not a list', { contactIds: 'c1' }, 'contactIds'],
    ['a blank type', { type: '   ' }, 'type'],
    ['a type over 60 characters', { type: 't'.repeat(61) }, 'type'],
    ['more than 25 actions', { actions: Array.from({ length: 26 }, (_, i) => `Action ${i}`) }, 'actions'],
    ['an empty action', { actions: ['Discussion', ' '] }, 'actions.1'],
    ['an action over 60 characters', { actions: ['a'.repeat(61)] }, 'actions.0'],
    ['a description over 10,000 characters', { description: 'd'.repeat(10_001) }, 'description'],
    ['a date that is not a date', { occurredAt: 'yesterday' }, 'occurredAt'],
    ['a date in the future', { occurredAt: minutes(10) }, 'occurredAt'],
    ['a follow-up in the past', { followUp: { dueAt: minutes(-60) } }, 'followUp.dueAt'],
    ['a follow-up without a date', { followUp: {} }, 'followUp.dueAt'],
    ['importance that is not yes/no', { important: 'yes' }, 'important'],
    ['a visit address over 500 characters', { type: 'Visit', visitAddress: 'a'.repeat(501) }, 'visitAddress'],
    ['an unknown direction', { direction: 'sideways' }, 'direction'],
    ['an unknown channel', { channel: 'pigeon' }, 'channel'],
    ['more than 10 attachments', { attachments: Array.from({ length: 11 }, () => file) }, 'attachments'],
    [
      'an attachment link that is not http(s)',
      { attachments: [{ ...file, url: 'ftp://x.test/a' }] },
      'attachments.0.url',
    ],
    ['a negative attachment size', { attachments: [{ ...file, size: -1 }] }, 'attachments.0.size'],
    [
      'an attachment name over 255 characters',
      { attachments: [{ ...file, name: 'n'.repeat(256) }] },
      'attachments.0.name',
    ],
    ['an unknown source', { source: { kind: 'fax' } }, 'source.kind'],
  ];

  describe('invalid log input', () => {
    it.each(cases)('rejects %s on its field and writes nothing', async (_name, override, field) => {
      const before = await writtenIn(handle, tenant.workspace.id);
      const error = await service
        .logInteraction(tenant.member, { ...valid(), ...override })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).code).toBe(ErrorCode.ValidationFailed);
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
      expect(await writtenIn(handle, tenant.workspace.id)).toEqual(before);
      const workspace = await deps.workspaces.findById(tenant.workspace.id);
      expect(workspace!.settings.interactionTypes).not.toContain('Brand new type');
    });

    it('says a future date cannot be used, in words for the user', async () => {
      await expect(
        service.logInteraction(tenant.member, { ...valid(), occurredAt: minutes(30) }),
      ).rejects.toMatchObject({
        fieldErrors: { occurredAt: "The date can't be in the future" },
      });
    });

    it('reports every bad field at once', async () => {
      const error = await service
        .logInteraction(tenant.member, {
          ...valid(),
          type: '',
          channel: 'pigeon',
          description: 'd'.repeat(10_001),
        })
        .catch((e: unknown) => e);
      expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
        'channel',
        'description',
        'type',
      ]);
    });
  });

  describe('input that is accepted', () => {
    it('tolerates a clock a few minutes behind the form, and de-duplicates repeated contacts', async () => {
      const result = await service.logInteraction(tenant.member, {
        ...valid(),
        type: 'Call',
        contactIds: [contactId, contactId],
        occurredAt: minutes(4),
        followUp: { dueAt: minutes(-2) },
      });
      expect(result.interactions).toHaveLength(1);
      expect(result.interactions[0]!.occurredAt).toEqual(new Date(minutes(4)));
    });

    it('accepts a Date as well as an ISO string, with or without an offset', async () => {
      for (const occurredAt of [new Date(minutes(-5)), minutes(-5), '2025-03-10T11:55:00+02:00']) {
        const result = await service.logInteraction(tenant.member, { ...valid(), type: 'Call', occurredAt });
        expect(result.interactions[0]!.occurredAt).toEqual(new Date(minutes(-5)));
      }
    });
  });
});
