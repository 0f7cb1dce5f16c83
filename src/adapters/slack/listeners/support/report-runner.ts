import type { WebClient } from '@slack/web-api';
import type { ReportPeriod } from '../../../../core/commands/command-grammar.js';
import { reportCsv } from '../../../../core/reports/report-delivery.js';
import type { Tenant } from '../../middleware/tenant.js';
import { createSlackReportPublisher } from '../../notifiers/slack-report-publisher.js';
import type { SlackDeps } from '../deps.js';
import type { Reply } from './reply.js';

export interface ReportJob {
  tenant: Tenant;
  deps: SlackDeps;
  client: WebClient;
  period: ReportPeriod;
  channelId: string;
  reply: Reply;
}

/**
 * F14 on demand: the same report and CSV as the weekly post (the scheduler's renderer and
 * publisher), posted now in the channel it was asked in. The CSV goes as a stream the
 * publisher spools to disk: a custom period can span years, as big as an export of everything.
 */
export async function runReport(job: ReportJob): Promise<boolean> {
  const { tenant, deps } = job;
  const { container } = deps;
  const { csvFilter, ...post } = await container.reports.onDemand(tenant.actor, job.period);
  const csv = await reportCsv(container.exports, tenant.actor, csvFilter);
  const publisher = createSlackReportPublisher({
    clientFor: async () => job.client,
    logger: container.logger,
  });
  const result = await publisher.publish({
    ...post,
    workspaceId: tenant.workspace.id,
    channelId: job.channelId,
    csv,
  });
  if (!result.ok) await job.reply(`:warning: The report could not be posted. ${result.reason}`);
  return result.ok;
}
