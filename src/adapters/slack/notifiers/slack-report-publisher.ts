import type { ReportPost, ReportPublisher } from '../../../core/reports/report-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import { reportBlocks } from '../blocks/report-blocks.js';
import { ChannelUnavailableError, uploadToChannel } from '../uploads/external-upload.js';
import { spoolToTempFile } from '../uploads/spool.js';
import { BACKGROUND_TIMEOUT_MS, type ClientFor } from './slack-clients.js';
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
 * The CSV is spooled to a temp file (Slack needs its length first) and streamed from disk, like
 * an export: a long custom period is a full export, so it never sits in memory. The file is
 * deleted whatever happens. A failure to produce the CSV is not Slack's: it is thrown, as before.
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
      const file = await spoolToTempFile(await post.csv.open(), post.csv.filename);
      try {
        const client = await deps.clientFor(post.workspaceId);
        await uploadToChannel(
          client,
          file,
          {
            channelId: post.channelId,
            filename: post.csv.filename,
            title: post.csv.filename,
            blocks: message.blocks,
          },
          // The background client waits out 429s itself; this only hears of a client that does not.
          (seconds) => deps.logger.info('Slack rate limit on the report upload', { seconds }),
          { idleTimeoutMs: BACKGROUND_TIMEOUT_MS },
        );
        return { ok: true, ref: `${post.channelId}:${post.csv.filename}` };
      } catch (error) {
        // The upload helper wraps channel errors for the export's DM offer; map Slack's own error.
        const failure = toSendFailure(error instanceof ChannelUnavailableError ? error.cause : error);
        deps.logger.warn('Report not posted', {
          workspaceId: post.workspaceId,
          channelId: post.channelId,
          permanent: failure.permanent,
          reason: failure.reason,
        });
        return failure;
      } finally {
        await file.dispose();
      }
    },
  };
}
