import type { FollowUp, Interaction } from '../../../src/core/interactions/interaction.js';
import type { Period } from '../../../src/core/reports/period.js';
import type { ReportData, ReportTotals } from '../../../src/core/reports/report.js';
import { type FollowUpView, presentFollowUp } from '../../../src/core/views/follow-up-view.js';

export const NOW = new Date('2026-03-10T10:00:00.000Z');

export function followUpView(followUp?: FollowUp, options: { late?: boolean } = {}): FollowUpView {
  const interaction: Interaction = {
    id: 'int-1',
    workspaceId: 'ws-1',
    eventId: 'int-1',
    contactId: 'contact-1',
    contactName: 'Élise Lévy',
    type: 'Visit',
    actions: ['Discussion'],
    description: 'Bring the <winter> list & the forms',
    occurredAt: new Date('2026-03-09T09:00:00.000Z'),
    createdAt: new Date('2026-03-09T09:00:00.000Z'),
    updatedAt: new Date('2026-03-09T09:00:00.000Z'),
    authorId: 'U0001',
    authorName: 'Alice Martin',
    important: false,
    attachments: [],
    source: { kind: 'manual' },
    idempotencyKey: 'int-1:seed',
  };
  const open: FollowUp = { dueAt: new Date('2026-03-10T09:00:00.000Z'), assigneeId: 'U0002', status: 'open' };
  return presentFollowUp({ ...interaction, followUp: followUp ?? open }, NOW, options);
}

const period = (from: string, to: string, label: string): Period => ({
  from: new Date(from),
  to: new Date(to),
  timeZone: 'Europe/Paris',
  label,
});

export function totals(overrides: Partial<ReportTotals> = {}): ReportTotals {
  return {
    interactions: 0,
    byType: [],
    byAction: [],
    byAuthor: [],
    mostContacted: [],
    newContacts: 0,
    followUpsDone: 0,
    followUpsOverdue: 0,
    ...overrides,
  };
}

export function report(
  current: Partial<ReportTotals> = {},
  previous: Partial<ReportTotals> = {},
): ReportData {
  return {
    workspaceId: 'ws-1',
    period: period('2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z', '19–25 Oct 2026'),
    totals: totals(current),
    previous: {
      period: period('2026-10-11T22:00:00Z', '2026-10-18T22:00:00Z', '12–18 Oct 2026'),
      totals: totals(previous),
    },
  };
}
