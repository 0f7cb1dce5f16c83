import { type ReportDelivery, serializeReportRequest } from '../../../core/reports/report-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import type { Agenda } from '../agenda.js';
import { JobName } from '../job-names.js';

/**
 * The weekly report sweep: reads every schedule fresh (so a settings change reschedules by
 * itself), and queues a post for each slot that came and was not reported — including one
 * missed while no worker ran. Queuing twice is harmless: the post is claim-guarded.
 */
export function definePlanWeeklyReportsJob(
  agenda: Agenda,
  deps: { reports: ReportDelivery; logger: Logger },
): void {
  agenda.define(
    JobName.planWeeklyReports,
    async () => {
      const due = await deps.reports.planDue();
      for (const request of due) {
        const data: unknown = JSON.parse(serializeReportRequest(request));
        await agenda
          .create(JobName.postWeeklyReport, data)
          .unique(
            { 'data.workspaceId': request.workspaceId, 'data.from': request.from.toISOString() },
            { insertOnly: true },
          )
          .schedule(new Date())
          .save();
      }
      if (due.length > 0) deps.logger.info('Weekly reports queued', { count: due.length });
    },
    { concurrency: 1, lockLifetime: 5 * 60_000 },
  );
}
