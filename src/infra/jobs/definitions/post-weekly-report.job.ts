import { parseReportRequest, type ReportDelivery } from '../../../core/reports/report-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import { JobName } from '../job-names.js';
import type { JobRunner } from '../job-runner.js';

/** F14: posts one weekly report (workspace + period), claim-guarded in the core. */
export function definePostWeeklyReportJob(
  runner: JobRunner,
  deps: { reports: ReportDelivery; logger: Logger },
  options: { lockLifetimeMs: number },
): void {
  runner.define(
    JobName.postWeeklyReport,
    async (job) => {
      // Same zod schema as the stored delivery request: { workspaceId, slotAt, from, to }.
      const request = parseReportRequest(job.data);
      if (!request) {
        deps.logger.error('Ignoring a malformed weekly report job', { jobId: job.id });
        return;
      }
      await deps.reports.deliverScheduled(request);
    },
    {
      concurrency: 2,
      lockLifetimeMs: options.lockLifetimeMs,
      retry: { delayMs: 5_000, maxDelayMs: 5 * 60_000, maxRetries: 8 },
    },
  );
}
