import type { ReportPost, ReportPublisher } from '../../../core/reports/report-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import { reportBlocks } from '../views/report-blocks.js';
import type { ClientFor } from './slack-clients.js';
import { toSendFailure } from './slack-errors.js';

export interface SlackReportPublisherDeps {
  clientFor: ClientFor;
  logger: Logger;
}

/**
 * F14 on Slack: the report blocks and the period's CSV in ONE message, through the external
 * upload flow (files.getUploadURLExternal → upload → files.completeUploadExternal with
 * `blocks`). Only the last call is visible, so a retry after any failure posts nothing twice
 * (a separate chat.postMessage then upload could leave a report without its CSV, and a retry
 * would post the report again).
 * completeUploadExternal needs real channel membership: not_in_channel is permanent, with a
 * reason telling the admin to invite the app.
 */
export function createSlackReportPublisher(deps: SlackReportPublisherDeps): ReportPublisher {
  return {
    async publish(post: ReportPost) {
      const message = reportBlocks(post.report, {
        timeZone: post.timeZone,
        dateFormat: post.dateFormat,
        late: post.late,
        onDemand: post.onDemand,
      });
      try {
        const client = await deps.clientFor(post.workspaceId);
        await client.files.uploadV2({
          channel_id: post.channelId,
          file: post.csv.content,
          filename: post.csv.filename,
          title: post.csv.filename,
          blocks: message.blocks,
        });
        return { ok: true, ref: `${post.channelId}:${post.csv.filename}` };
      } catch (error) {
        const failure = toSendFailure(error);
        deps.logger.warn('Report not posted', {
          workspaceId: post.workspaceId,
          channelId: post.channelId,
          permanent: failure.permanent,
          reason: failure.reason,
        });
        return failure;
      }
    },
  };
}
