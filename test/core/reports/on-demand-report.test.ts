import { beforeAll, describe, expect, it } from 'vitest';
import { createReportService } from '../../../src/core/reports/report.service.js';
import { REPORT_READER_ID, reportReader } from '../../../src/core/reports/report-reader.js';
import { assertCanWrite } from '../../../src/core/shared/actor.js';
import { ForbiddenError } from '../../../src/core/shared/errors.js';
import { renderOptionsOf } from '../../../src/core/workspaces/tenant.js';
import { ENGINES } from '../../support/engines.js';
import {
  actorOf,
  addContact,
  createWorkspace,
  fixedClock,
  interactionFor,
  type Repositories,
  repositoriesOf,
} from '../exports/fixtures.js';

const at = (iso: string) => new Date(iso);

/**
 * `/interaction report` on demand is decided once, here, for both platforms: which period, how
 * the post is marked, which zone and format it is shown in, and which interactions its CSV holds.
 */
describe.each(ENGINES)('the on-demand report on $name', (engine) => {
  const test = engine.use();
  let repos: Repositories;
  const clock = fixedClock('2026-10-28T10:00:00Z'); // a Wednesday

  beforeAll(() => {
    repos = repositoriesOf(test.storage);
  });

  const service = () => createReportService({ ...repos, clock });

  it('is last week’s report, never late, marked on demand, in the workspace zone and format', async () => {
    const workspace = await createWorkspace(repos, { timezone: 'Europe/Paris', dateFormat: 'yyyy-MM-dd' });
    const contact = await addContact(repos, workspace, { firstName: 'Élise', lastName: 'Lévy' });
    await repos.interactions.insertMany([
      interactionFor(workspace, contact, { occurredAt: at('2026-10-20T09:00:00Z') }),
      interactionFor(workspace, contact, { occurredAt: at('2026-10-27T09:00:00Z') }), // this week
    ]);
    const actor = actorOf(workspace, 'viewer');

    const onDemand = await service().onDemand(actor, { kind: 'lastWeek' });

    expect(onDemand.report).toEqual(await service().weeklyReport(actor, { range: 'last week' }));
    expect(onDemand.report.totals.interactions).toBe(1);
    expect(onDemand).toMatchObject({
      late: false,
      onDemand: true,
      timeZone: 'Europe/Paris',
      dateFormat: 'yyyy-MM-dd',
    });
    // Paris last week: Monday 19 Oct 00:00 CEST to Monday 26 Oct 00:00 CET.
    expect(onDemand.csvFilter).toEqual({
      from: at('2026-10-18T22:00:00.000Z'),
      to: at('2026-10-25T23:00:00.000Z'),
    });
  });

  it('covers both days of a typed range, and this week when asked', async () => {
    const workspace = await createWorkspace(repos, { timezone: 'UTC' });
    const actor = actorOf(workspace);
    const range = await service().onDemand(actor, { kind: 'range', from: '2026-10-01', to: '2026-10-31' });
    expect(range.csvFilter).toEqual({ from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') });
    const thisWeek = await service().onDemand(actor, { kind: 'thisWeek' });
    expect(thisWeek.csvFilter.from).toEqual(at('2026-10-26T00:00:00Z'));
  });

  it('falls back on UTC when an admin saved a zone that does not exist, instead of failing', async () => {
    const workspace = await createWorkspace(repos, { timezone: 'Mars/Olympus_Mons' });
    const onDemand = await service().onDemand(actorOf(workspace), { kind: 'lastWeek' });
    expect(onDemand.timeZone).toBe('UTC');
    expect(onDemand.csvFilter).toEqual({ from: at('2026-10-19T00:00:00Z'), to: at('2026-10-26T00:00:00Z') });
    expect(renderOptionsOf(workspace)).toEqual({
      timeZone: 'UTC',
      dateFormat: workspace.settings.dateFormat,
    });
  });
});

describe('the scheduled report’s actor', () => {
  it('is one read-only actor, named by the id its CSV links carry', () => {
    const actor = reportReader('W1');
    expect(actor).toEqual({
      workspaceId: 'W1',
      userId: REPORT_READER_ID,
      role: 'viewer',
      displayName: 'Weekly report',
    });
    expect(() => assertCanWrite(actor)).toThrow(ForbiddenError);
  });
});
