import { z } from 'zod';
import {
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  deliveryId,
  type SendResult,
} from '../deliveries/delivery.js';
import type { DeliveryRepository } from '../deliveries/delivery.repository.port.js';
import { type GuardedOutcome, isLate, runGuarded } from '../deliveries/guarded-send.js';
import type { ExportResult, ExportService } from '../exports/export.service.js';
import type { Actor } from '../shared/actor.js';
import type { Clock, Logger } from '../shared/ports.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.port.js';
import type { ReportData } from './report.js';
import type { ReportService } from './report.service.js';
import { reportReader } from './report-reader.js';
import { currentSlot, periodKey, reportZone, scheduleSignature } from './report-schedule.js';

/**
 * The report's CSV (the export's columns), read only when the publisher uploads it: a long
 * custom period is as big as a full export, so it is never held in memory whole.
 */
export interface ReportCsv {
  filename: string;
  /** A fresh stream of the CSV text on each call: a stream reads once, and a publisher may try again. */
  open(): Promise<AsyncIterable<Buffer | string>>;
}

/** What the platform adapter posts: the report, its CSV (export columns), and the late marker. */
export interface ReportPost {
  workspaceId: string;
  channelId: string;
  report: ReportData;
  /** The scheduled slot passed while the worker was down: the post says it is late. */
  late: boolean;
  onDemand: boolean;
  csv: ReportCsv;
  timeZone: string;
  dateFormat: string;
}

/** Port: posts one report. not_in_channel, archived channel or app removed are permanent. */
export interface ReportPublisher {
  publish(post: ReportPost): Promise<SendResult>;
}

export interface ReportDeliveryDeps {
  reports: Pick<ReportService, 'reportForPeriod' | 'weeklyReport'>;
  exports: Pick<ExportService, 'exportInteractions'>;
  workspaces: Pick<WorkspaceRepository, 'findById' | 'listWithReportsEnabled'>;
  deliveries: DeliveryRepository;
  publisher: ReportPublisher;
  clock: Clock;
  logger: Logger;
  policy?: DeliveryPolicy;
}

/** One scheduled post to make: the slot that came and the week it covers. */
export interface ScheduledReportRequest {
  workspaceId: string;
  slotAt: Date;
  from: Date;
  to: Date;
}

export type ReportOutcome = GuardedOutcome | { outcome: 'stale'; reason: string };

const requestSchema = z.object({
  workspaceId: z.string().min(1),
  slotAt: z.iso.datetime(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
});

export function serializeReportRequest(request: ScheduledReportRequest): string {
  return JSON.stringify({
    workspaceId: request.workspaceId,
    slotAt: request.slotAt.toISOString(),
    from: request.from.toISOString(),
    to: request.to.toISOString(),
  });
}

export function parseReportRequest(value: unknown): ScheduledReportRequest | null {
  let data: unknown = value;
  try {
    if (typeof value === 'string') data = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = requestSchema.safeParse(data);
  if (!parsed.success) return null;
  const { workspaceId, slotAt, from, to } = parsed.data;
  return { workspaceId, slotAt: new Date(slotAt), from: new Date(from), to: new Date(to) };
}

/**
 * The period's export as a ReportCsv. The first export is made now (its filename, and any
 * error, come before the post); its stream is lazy, so nothing is read until `open()`.
 */
export async function reportCsv(
  exports: Pick<ExportService, 'exportInteractions'>,
  actor: Actor,
  period: { from: Date; to: Date },
): Promise<ReportCsv> {
  const input = { filter: { from: period.from, to: period.to } };
  let unread: ExportResult | undefined = await exports.exportInteractions(actor, input);
  return {
    filename: unread.filename,
    async open() {
      const result = unread ?? (await exports.exportInteractions(actor, input));
      unread = undefined;
      return result.stream;
    },
  };
}

/** F14: the weekly report, posted once per workspace and period, late rather than never. */
export function createReportDelivery(deps: ReportDeliveryDeps) {
  const policy = deps.policy ?? DEFAULT_DELIVERY_POLICY;
  const guard = { ...deps, policy };
  // Both facts never change once true, so the minute-by-minute sweep need not read them again
  // (on FerretDB every read scans its collection). Bounded by workspaces × schedule changes.
  const firstSeen = new Map<string, Date>();
  const reported = new Set<string>();

  async function post(
    workspace: Workspace,
    channelId: string,
    report: ReportData,
    actor: Actor,
    marks: { late: boolean; onDemand: boolean },
  ) {
    const csv = await reportCsv(deps.exports, actor, report.period);
    return deps.publisher.publish({
      workspaceId: workspace.id,
      channelId,
      report,
      ...marks,
      csv,
      timeZone: reportZone(workspace),
      dateFormat: workspace.settings.dateFormat,
    });
  }

  function staleReason(workspace: Workspace | null): string | null {
    if (!workspace) return 'The workspace no longer exists.';
    if (!scheduleSignature(workspace)) return 'Weekly reports were turned off for this workspace.';
    return null;
  }

  return {
    /**
     * The slots that have come and were not reported yet, for every workspace with reports on.
     * Only the latest slot counts (a long outage posts last week once, late, not every week
     * missed), and only if it came after the schedule was first seen.
     */
    async planDue(): Promise<ScheduledReportRequest[]> {
      const now = deps.clock.now();
      const due: ScheduledReportRequest[] = [];
      for (const workspace of await deps.workspaces.listWithReportsEnabled()) {
        const signature = scheduleSignature(workspace);
        const slot = currentSlot(workspace, now);
        if (!signature || !slot) continue;
        const seenKey = `${workspace.id}|${signature}`;
        let since = firstSeen.get(seenKey);
        if (!since) {
          since = await deps.deliveries.firstSeen(workspace.id, signature, now);
          firstSeen.set(seenKey, since);
        }
        if (slot.slotAt.getTime() < since.getTime()) continue;
        const id = deliveryId('report', workspace.id, periodKey(slot.period));
        if (reported.has(id)) continue;
        // Claimed already: final, in flight, or waiting for the retry sweep.
        if ((await deps.deliveries.findOutcomes([id])).size > 0) {
          reported.add(id);
          continue;
        }
        if (await deps.deliveries.findPending(id)) continue;
        due.push({
          workspaceId: workspace.id,
          slotAt: slot.slotAt,
          from: slot.period.from,
          to: slot.period.to,
        });
      }
      return due;
    },

    /** Posts one scheduled report unless another worker did (or is doing) it. */
    async deliverScheduled(request: ScheduledReportRequest): Promise<ReportOutcome> {
      const load = () => deps.workspaces.findById(request.workspaceId);
      const workspace = await load();
      const key = periodKey(request);
      const spec = {
        kind: 'report' as const,
        workspaceId: request.workspaceId,
        key,
        request: serializeReportRequest(request),
        target: workspace?.settings.report.channelId ?? '',
      };
      const stale = staleReason(workspace);
      if (stale) {
        const pending = await deps.deliveries.findPending(deliveryId('report', request.workspaceId, key));
        if (pending) {
          await runGuarded(guard, spec, async () => ({ skip: stale }));
        }
        return { outcome: 'stale', reason: stale };
      }
      return runGuarded(guard, spec, async ({ attempt, now }) => {
        const current = attempt === 1 ? workspace : await load();
        const reason = staleReason(current);
        const channelId = current?.settings.report.channelId;
        if (reason || !current || !channelId) return { skip: reason ?? 'No report channel is set.' };
        const report = await deps.reports.reportForPeriod(current.id, request);
        const late = isLate(request.slotAt, now, policy);
        const result = await post(current, channelId, report, reportReader(current.id), {
          late,
          onDemand: false,
        });
        return result.ok ? { ...result, late } : result;
      });
    },
  };
}

export type ReportDelivery = ReturnType<typeof createReportDelivery>;
