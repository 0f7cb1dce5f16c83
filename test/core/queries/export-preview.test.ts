import { beforeAll, describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../../src/adapters/shared/natural-dates.js';
import { type Container, createContainer, storageOf } from '../../../src/app/container.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import { NOTHING_TO_EXPORT, previewExport } from '../../../src/core/queries/export-preview.js';
import type { QueryDeps } from '../../../src/core/queries/query-deps.js';
import type { ResultQuery } from '../../../src/core/queries/result-query.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { summarizeFilter } from '../../../src/core/views/filter-summary.js';
import { ENGINES } from '../../support/engines.js';
import { makeClock, makeIds, seedContact, seedTenant, type Tenant } from '../../support/fixtures.js';

/**
 * The export's pre-check, decided once for Slack and Teams: nothing matching is said, not made
 * into an empty file; otherwise how many rows, the file's name and the filter's names.
 */
describe.each(ENGINES)('previewing an export on $name', (engine) => {
  const store = engine.use();
  const clock = makeClock('2025-03-10T10:00:00.000Z');
  let container: Container;
  let deps: QueryDeps;
  let acme: Tenant;
  let globex: Tenant;
  let ada: Contact;
  let keys = 0;

  const everything: ResultQuery = { filter: {}, sort: 'date' };
  const tenantOf = (tenant: Tenant) => ({ workspace: tenant.workspace, actor: tenant.viewer });

  async function log(tenant: Tenant, contact: Contact, type: string) {
    await container.interactions.logInteraction(tenant.member, {
      contactIds: [contact.id],
      type,
      occurredAt: clock.now(),
      idempotencyKey: `preview-${engine.name}-${++keys}`,
    });
  }

  beforeAll(async () => {
    container = createContainer(store.storage, { logger: silentLogger, clock, ids: makeIds() });
    deps = { container, parseDate: parseNaturalDate };
    const repos = storageOf(container).repositories;
    acme = await seedTenant(repos, 'Acme');
    globex = await seedTenant(repos, 'Globex');
    const organisation = await container.contacts.createOrganisation(acme.member, { name: 'Lovelace & Co' });
    ada = await seedContact(repos, acme.workspace.id, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      organisationId: organisation.id,
    });
    const gus = await seedContact(repos, globex.workspace.id, { firstName: 'Gus', lastName: 'Globex' });
    await log(acme, ada, 'Call');
    await log(acme, ada, 'Call');
    await log(acme, ada, 'Visit');
    await log(globex, gus, 'Call');
  });

  it('says there is nothing to export when nothing matches, instead of making an empty file', async () => {
    const preview = await previewExport(tenantOf(acme), deps, {
      filter: { types: ['Meeting'] },
      sort: 'date',
    });
    expect(preview).toEqual({ kind: 'empty', message: NOTHING_TO_EXPORT });
  });

  it('counts every matching interaction of the actor’s workspace, not one page and not another’s', async () => {
    const all = await previewExport(tenantOf(acme), deps, everything);
    expect(all).toMatchObject({ kind: 'rows', rows: 3, filename: 'interactions-2025-03-10.csv' });
    const calls = await previewExport(tenantOf(acme), deps, { filter: { types: ['Call'] }, sort: 'date' });
    expect(calls).toMatchObject({ kind: 'rows', rows: 2 });
    expect(await previewExport(tenantOf(globex), deps, everything)).toMatchObject({ kind: 'rows', rows: 1 });
  });

  it('names the filter’s organisation and contacts for the chips, and dates the file in the workspace zone', async () => {
    const organisationId = ada.organisationId!;
    const query: ResultQuery = { filter: { organisationId, contactIds: [ada.id] }, sort: 'date' };
    // 10:00 UTC on 10 March is already 11 March in Kiritimati (UTC+14).
    const workspace = {
      ...acme.workspace,
      settings: { ...acme.workspace.settings, timezone: 'Pacific/Kiritimati' },
    };
    const preview = await previewExport({ workspace, actor: acme.viewer }, deps, query);
    if (preview.kind !== 'rows') throw new Error(`expected rows, got ${preview.kind}`);
    expect(preview.filename).toBe('interactions-2025-03-11.csv');
    expect(summarizeFilter(query.filter, preview.summary).map((chip) => chip.value)).toEqual(
      expect.arrayContaining(['Lovelace & Co', 'Ada Lovelace']),
    );
  });
});
