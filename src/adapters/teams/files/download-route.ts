import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { parseInteractionFilter } from '../../../core/interactions/interaction.service.js';
import { REPORT_READER_ID, reportReader } from '../../../core/reports/report-reader.js';
import type { Actor } from '../../../core/shared/actor.js';
import { isDomainError } from '../../../core/shared/errors.js';
import type { UseCases } from '../../../core/use-cases.js';
import type { FileLinks } from './file-links.js';

async function actorFor(
  container: UseCases,
  workspaceId: string,
  userId: string,
): Promise<Actor | undefined> {
  // Scheduled reports act for no one: their CSV link reads as the core's read-only report actor.
  if (userId === REPORT_READER_ID) return reportReader(workspaceId);
  return container.workspaces.knownActor({ workspaceId, userId });
}

/** The response closed before the CSV ended: the person cancelled, or the connection dropped. */
function closedByClient(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

function plain(response: Response, status: number, message: string): void {
  response.status(status).type('text/plain; charset=utf-8').send(message);
}

/**
 * GET /teams/files/:token — the CSV behind a link from an export or report card. The export
 * runs now, as the member the link was made for: a member removed or demoted since gets what
 * their role allows today, and a link for another workspace's data cannot exist (it is signed).
 */
export function downloadHandler(container: UseCases, links: FileLinks) {
  return async (request: Request, response: Response): Promise<void> => {
    const token = String(request.params.token ?? '');
    const claims = links.verify(token, container.clock.now());
    if (!claims)
      return plain(response, 404, 'This download link has expired or is not valid. Export again from Teams.');
    const actor = await actorFor(container, claims.w, claims.u);
    if (!actor) return plain(response, 403, 'You are no longer a member of this workspace.');
    try {
      const csv = await container.exports.exportInteractions(actor, {
        filter: parseInteractionFilter(claims.f),
      });
      response.status(200);
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="${csv.filename.replace(/"/g, '')}"`);
      response.setHeader('cache-control', 'private, no-store');
      // pipeline, not pipe: when the person cancels the download, the response closes early and
      // pipeline destroys the CSV stream, which ends the export and closes its database cursor.
      await pipeline(Readable.from(csv.stream), response);
    } catch (error) {
      if (closedByClient(error)) {
        container.logger.info('Teams CSV download cancelled before the end', { workspaceId: claims.w });
        return;
      }
      if (isDomainError(error) && !response.headersSent) return plain(response, 403, error.message);
      container.logger.error('Teams CSV download failed', {
        workspaceId: claims.w,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) plain(response, 500, 'The file could not be produced. Please try again.');
      else response.destroy();
    }
  };
}
