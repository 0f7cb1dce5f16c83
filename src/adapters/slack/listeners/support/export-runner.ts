import { WebAPIHTTPError } from '@slack/web-api';
import { previewExport } from '../../../../core/queries/export-preview.js';
import type { ResultQuery } from '../../../../core/queries/result-query.js';
import { countPhrase } from '../../../../core/views/count-phrase.js';
import { type FilterSummaryContext, summarizeFilter } from '../../../../core/views/filter-summary.js';
import { plural } from '../../blocks/block-kit.js';
import { channelName, unavailableMessage } from '../../blocks/export-messages.js';
import { chipText } from '../../blocks/list-blocks.js';
import type { Tenant } from '../../middleware/tenant.js';
import { slackErrorCode } from '../../notifiers/slack-errors.js';
import { ChannelUnavailableError, uploadToChannel } from '../../uploads/external-upload.js';
import { interactiveClient, retryAfterOf } from '../../uploads/rate-limit.js';
import { spoolToTempFile } from '../../uploads/spool.js';
import type { SlackDeps } from '../deps.js';
import type { Reply } from './reply.js';

export interface ExportJob {
  tenant: Tenant;
  deps: SlackDeps;
  /** The bot token of this request: the upload runs on its own client (see interactiveClient). */
  botToken: string;
  query: ResultQuery;
  /** Where the CSV is shared: the channel the request came from, or the user's DM. */
  channelId: string;
  /** A DM is the fallback when a channel refuses; offering it from inside the DM would go round in circles. */
  destination: 'channel' | 'dm';
  reply: Reply;
}

/**
 * The export's own deadline: it reports through the response_url of the click or command,
 * which Slack honours for 30 minutes, so an export still unfinished by then can tell no one.
 * A button's claim lapses then, in case the process running the export died holding it.
 */
export const EXPORT_DEADLINE_MS = 30 * 60_000;

export type ExportOutcome = 'posted' | 'empty' | 'channel_unavailable' | 'failed';

/** "CSV export: 12 interactions, asked for by @alice · Filters: Type: Call": built from ids and escaped chips. */
function comment(job: ExportJob, rows: number, summary: FilterSummaryContext): string {
  const chips = summarizeFilter(job.query.filter, summary).map(chipText).join('  ·  ');
  const who = `<@${job.tenant.actor.userId}>`;
  const filters = chips ? `Filters: ${chips}` : 'No filters: every interaction of the workspace.';
  return `:page_facing_up: CSV export of ${plural(rows, 'interaction')}, asked for by ${who}.\n${filters}`;
}

function failureText(error: unknown): string {
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== undefined) return `Slack is too busy right now (it asked us to wait ${retryAfter} s)`;
  const code = slackErrorCode(error);
  if (code !== undefined) return `Slack answered \`${code}\``;
  if (error instanceof WebAPIHTTPError) return `Slack did not accept it (HTTP ${error.statusCode})`;
  return 'Slack could not be reached';
}

/**
 * F15: every interaction matching the query (not one page) as a CSV shared in the channel.
 * The CSV is spooled to a temp file (Slack needs its length first) and streamed from there,
 * so memory stays bounded; the file is deleted whatever happens.
 */
export async function runExport(job: ExportJob): Promise<ExportOutcome> {
  const { tenant, deps, reply } = job;
  const { container } = deps;
  const preview = await previewExport(tenant, deps, job.query);
  if (preview.kind === 'empty') {
    await reply(preview.message);
    return 'empty';
  }
  const destination = job.destination === 'channel' ? channelName(job.channelId) : 'your direct messages';
  await reply(
    `:hourglass_flowing_sand: Preparing export… ${countPhrase(preview.rows, preview.moreRows, 'row')}. The CSV will appear in ${destination}.`,
  );

  const csv = await container.exports.exportInteractions(tenant.actor, { filter: job.query.filter });
  const file = await spoolToTempFile(csv.stream, csv.filename);
  try {
    const client = interactiveClient(job.botToken, deps.webClientOptions);
    await uploadToChannel(
      client,
      file,
      {
        channelId: job.channelId,
        filename: csv.filename,
        title: csv.filename,
        initialComment: comment(job, csv.rowCount(), preview.summary),
      },
      (seconds) => reply(`:hourglass: Slack is busy, retrying in ${plural(seconds, 'second')}…`),
    );
    return 'posted';
  } catch (error) {
    if (error instanceof ChannelUnavailableError) {
      await reply(unavailableMessage(job, error.slackCode));
      return 'channel_unavailable';
    }
    container.logger.warn('CSV export not posted', {
      workspaceId: tenant.workspace.id,
      channelId: job.channelId,
      error: error instanceof Error ? error.message : String(error),
    });
    await reply(
      `:warning: The export could not be posted: ${failureText(error)}. Please try again in a moment.`,
    );
    return 'failed';
  } finally {
    await file.dispose();
  }
}
