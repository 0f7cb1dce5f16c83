import { exponential } from 'agenda';
import { parseReportRequest, type ReportDelivery } from '../../../core/reports/report-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import type { Agenda } from '../agenda.js';
import { JobName } from '../job-names.js';

/** F14: posts one weekly report (workspace + period), claim-guarded in the core. */
export function definePostWeeklyReportJob(
  agenda: Agenda,
  deps: { reports: ReportDelivery; logger: Logger },
  options: { lockLifetimeMs: number },
): void {
  agenda.define(
    JobName.postWeeklyReport,
    async (job) => {
      // Same zod schema as the stored delivery request: { workspaceId, slotAt, from, to }.
      const request = parseReportRequest(job.attrs.data);
      if (!request) {
        deps.logger.error('Ignoring a malformed weekly report job', { jobId: String(job.attrs._id) });
        return;
      }
      await deps.reports.deliverScheduled(request);
    },
    {
      concurrency: 2,
      lockLifetime: options.lockLifetimeMs,
      removeOnComplete: true,
      backoff: exponential({ delay: 5_000, maxDelay: 5 * 60_000, maxRetries: 8 }),
    },
  );
}
