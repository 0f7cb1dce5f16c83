import type { ConversationRefRepository } from '../../../core/deliveries/conversation-ref.port.js';
import type { ReportPublisher } from '../../../core/reports/report-delivery.js';
import { REPORT_READER_ID } from '../../../core/reports/report-reader.js';
import type { Clock, Logger } from '../../../core/shared/ports.js';
import { reportCard } from '../cards/report-card.js';
import { filterData } from '../cards/view-context.js';
import type { FileLinks } from '../files/file-links.js';
import { toSendFailure } from './teams-errors.js';
import type { TeamsSender } from './teams-sender.js';

export interface TeamsReportPublisherDeps {
  sender: TeamsSender;
  conversations: ConversationRefRepository;
  files: FileLinks;
  defaultServiceUrl: string;
  clock: Clock;
  logger: Logger;
}

/**
 * F14 on Teams: the report card in the channel chosen in settings, with the period's CSV as a
 * signed link (read as the core's read-only report actor). One post, so a retry after a failure
 * posts nothing twice; the delivery record decides whether to retry.
 */
export function createTeamsReportPublisher(deps: TeamsReportPublisherDeps): ReportPublisher {
  return {
    async publish(post) {
      try {
        const stored = await deps.conversations.conversation(post.workspaceId, post.channelId);
        const serviceUrl = stored?.serviceUrl ?? deps.defaultServiceUrl;
        const filter = filterData({ from: post.report.period.from, to: post.report.period.to });
        const link = deps.files.create(
          { w: post.workspaceId, u: REPORT_READER_ID, f: filter },
          deps.clock.now(),
        );
        const card = reportCard(post.report, { late: post.late, onDemand: post.onDemand, csvUrl: link.url });
        const id = await deps.sender.postCard(serviceUrl, post.channelId, card);
        return { ok: true, ref: `${post.channelId}:${id}` };
      } catch (error) {
        const failure = toSendFailure(error);
        deps.logger.warn('Teams report not posted', {
          workspaceId: post.workspaceId,
          permanent: failure.permanent,
          reason: failure.reason,
        });
        return failure;
      }
    },
  };
}
