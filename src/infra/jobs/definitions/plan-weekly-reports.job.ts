import { type ReportDelivery, serializeReportRequest } from '../../../core/reports/report-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import { JobName } from '../job-names.js';
import type { JobRunner } from '../job-runner.js';

/**
 * The weekly report sweep: reads every schedule fresh (so a settings change reschedules by
 * itself), and queues a post for each slot that came and was not reported — including one
 * missed while no worker ran. Queuing twice is harmless: the post is claim-guarded.
 */
export function definePlanWeeklyReportsJob(
  runner: JobRunner,
  deps: { reports: ReportDelivery; logger: Logger },
): void {
  runner.define(
    JobName.planWeeklyReports,
    async () => {
      const due = await deps.reports.planDue();
      for (const request of due) {
        const data: unknown = JSON.parse(serializeReportRequest(request));
        await runner.schedule('now', JobName.postWeeklyReport, data, {
          unique: { workspaceId: request.workspaceId, from: request.from.toISOString() },
          keepExisting: true,
        });
      }
      if (due.length > 0) deps.logger.info('Weekly reports queued', { count: due.length });
    },
    { concurrency: 1, lockLifetimeMs: 5 * 60_000 },
  );
}
