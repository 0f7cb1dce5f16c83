import { z } from 'zod';
import { reportRangeOf } from '../commands/command-dispatch.js';
import type { ReportPeriod } from '../commands/command-grammar.js';
import { contactDisplayName } from '../contacts/contact.js';
import type { ContactRepository } from '../contacts/contact.repository.port.js';
import type { InteractionRepository } from '../interactions/interaction.repository.port.js';
import { dateInput } from '../interactions/interaction.schemas.js';
import type { InteractionFilter } from '../interactions/interaction-filter.js';
import type { Actor } from '../shared/actor.js';
import { ErrorCode, NotFoundError, ValidationError } from '../shared/errors.js';
import type { Clock } from '../shared/ports.js';
import { parseInput } from '../shared/zod.js';
import { renderOptionsOf } from '../workspaces/tenant.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { MemberRepository, WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import { lastWeek, type Period, parseRange, periodLabel, previousPeriod, thisWeek } from './period.js';
import {
  type AuthorCount,
  type ContactCount,
  DELETED_CONTACT_NAME,
  REPORT_LIMITS,
  type ReportData,
  type ReportTotals,
} from './report.js';

export interface ReportDeps {
  interactions: InteractionRepository;
  contacts: ContactRepository;
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
}

/** Either an explicit [from, to) or a phrase: "last week", "this week", "YYYY-MM-DD..YYYY-MM-DD". */
export const reportInputSchema = z
  .object({
    from: dateInput('Enter a valid start date.').optional(),
    to: dateInput('Enter a valid end date.').optional(),
    range: z.string({ error: 'Write the period as text.' }).trim().max(100).optional(),
  })
  .refine((input) => (input.from === undefined) === (input.to === undefined), {
    path: ['to'],
    message: 'Give both a start and an end date.',
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    path: ['to'],
    message: 'The end date must be after the start date.',
  });

function zoneOf(workspace: Workspace): string {
  return renderOptionsOf(workspace).timeZone;
}

export function createReportService(deps: ReportDeps) {
  async function loadWorkspace(workspaceId: string): Promise<Workspace> {
    const workspace = await deps.workspaces.findById(workspaceId);
    if (!workspace) throw new NotFoundError(ErrorCode.WorkspaceNotFound, 'This workspace is not set up yet.');
    return workspace;
  }

  async function contactNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const found = await deps.contacts.findByIds(workspaceId, unique);
    return new Map(found.map((contact) => [contact.id, contactDisplayName(contact)]));
  }

  async function authorNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const members = await Promise.all(ids.map((id) => deps.members.find(workspaceId, id)));
    return new Map(
      members.flatMap((member) =>
        member?.displayName ? [[member.userId, member.displayName] as const] : [],
      ),
    );
  }

  async function totalsFor(workspaceId: string, period: Period, now: Date): Promise<ReportTotals> {
    const filter: InteractionFilter = { from: period.from, to: period.to };
    const overdueAt = period.to.getTime() < now.getTime() ? period.to : now;
    const repo = deps.interactions;
    const [interactions, byType, byAction, authors, contacts, newContacts, followUpsDone, followUpsOverdue] =
      await Promise.all([
        repo.count(workspaceId, filter, now),
        repo.countBy(workspaceId, filter, 'type', REPORT_LIMITS.types, now),
        repo.countBy(workspaceId, filter, 'actions', REPORT_LIMITS.actions, now),
        repo.countBy(workspaceId, filter, 'authorId', REPORT_LIMITS.authors, now),
        repo.countBy(workspaceId, filter, 'contactId', REPORT_LIMITS.mostContacted, now),
        deps.contacts.countCreatedBetween(workspaceId, period.from, period.to),
        repo.countFollowUpsDone(workspaceId, period.from, period.to),
        repo.countFollowUpsOverdue(workspaceId, overdueAt),
      ]);
    const visited = await Promise.all(
      authors.map((author) =>
        repo.countBy(
          workspaceId,
          { ...filter, authorIds: [author.key] },
          'contactId',
          REPORT_LIMITS.contactsPerAuthor,
          now,
        ),
      ),
    );
    const [names, members] = await Promise.all([
      contactNames(
        workspaceId,
        [...contacts, ...visited.flat()].map((bucket) => bucket.key),
      ),
      authorNames(
        workspaceId,
        authors.map((bucket) => bucket.key),
      ),
    ]);
    const toContact = (bucket: { key: string; count: number }): ContactCount => ({
      contactId: bucket.key,
      name: names.get(bucket.key) ?? DELETED_CONTACT_NAME,
      count: bucket.count,
    });
    const byAuthor: AuthorCount[] = authors.map((bucket, index) => ({
      authorId: bucket.key,
      name: members.get(bucket.key) ?? bucket.key,
      count: bucket.count,
      contacts: (visited[index] ?? []).map(toContact),
    }));
    return {
      interactions,
      byType,
      byAction,
      byAuthor,
      mostContacted: contacts.map(toContact),
      newContacts,
      followUpsDone,
      followUpsOverdue,
    };
  }

  /** The report for one workspace and period, with the previous period of equal length. */
  async function reportForPeriod(workspaceId: string, period: { from: Date; to: Date }): Promise<ReportData> {
    const workspace = await loadWorkspace(workspaceId);
    const timeZone = zoneOf(workspace);
    const current: Period = {
      from: period.from,
      to: period.to,
      timeZone,
      label: periodLabel(period.from, period.to, timeZone),
    };
    const previous = previousPeriod(current);
    const now = deps.clock.now();
    const [totals, previousTotals] = await Promise.all([
      totalsFor(workspace.id, current, now),
      totalsFor(workspace.id, previous, now),
    ]);
    return {
      workspaceId: workspace.id,
      period: current,
      totals,
      previous: { period: previous, totals: previousTotals },
    };
  }

  /** The period a request asks for, in the workspace time zone (last week when it names none). */
  async function requestedPeriod(
    actor: Actor,
    input: unknown,
  ): Promise<{ workspace: Workspace; period: { from: Date; to: Date } }> {
    const parsed = parseInput(reportInputSchema, input ?? {});
    const workspace = await loadWorkspace(actor.workspaceId);
    const timeZone = zoneOf(workspace);
    const now = deps.clock.now();
    if (parsed.from && parsed.to) return { workspace, period: { from: parsed.from, to: parsed.to } };
    const phrase = (parsed.range ?? '').toLowerCase().replace(/\s+/g, ' ');
    let period: Period;
    if (phrase === '' || phrase === 'last week') period = lastWeek(now, timeZone);
    else if (phrase === 'this week') period = thisWeek(now, timeZone);
    else if (phrase.includes('..')) period = parseRange(phrase, timeZone);
    else {
      throw new ValidationError({
        range: 'Ask for "last week", "this week" or a period like 2026-10-01..2026-10-31.',
      });
    }
    return { workspace, period };
  }

  return {
    /**
     * F14 on demand (`/interaction report [last week | this week | from..to]`); defaults to
     * last week in the workspace time zone. Any role may read reports.
     */
    async weeklyReport(actor: Actor, input: unknown): Promise<ReportData> {
      const { workspace, period } = await requestedPeriod(actor, input);
      return reportForPeriod(workspace.id, period);
    },

    /**
     * F14 on demand, as both platforms post it: the report of the period the command named,
     * marked on demand and never late, with the workspace's zone and date format (as the weekly
     * post) and the filter of its CSV (every interaction of the period). The adapter only renders
     * it: Slack uploads the CSV, Teams links to it.
     */
    async onDemand(actor: Actor, period: ReportPeriod): Promise<OnDemandReport> {
      const requested = await requestedPeriod(actor, reportRangeOf(period));
      const report = await reportForPeriod(requested.workspace.id, requested.period);
      const { timeZone, dateFormat } = renderOptionsOf(requested.workspace);
      return {
        report,
        late: false,
        onDemand: true,
        timeZone,
        dateFormat,
        csvFilter: { from: report.period.from, to: report.period.to },
      };
    },
    reportForPeriod,
  };
}

/** An on-demand report with how it is posted (see `onDemand`). */
export interface OnDemandReport {
  report: ReportData;
  late: false;
  onDemand: true;
  timeZone: string;
  dateFormat: string;
  /** The interactions its CSV holds: the report's period. */
  csvFilter: { from: Date; to: Date };
}

export type ReportService = ReturnType<typeof createReportService>;
