import { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import type { Container } from '../../../app/container.js';
import { parseInteractionFilter } from '../../../core/interactions/interaction.service.js';
import type { Actor } from '../../../core/shared/actor.js';
import { isDomainError } from '../../../core/shared/errors.js';
import type { FileLinks } from './file-links.js';

/** Scheduled reports act for no one: their CSV link reads as the core's read-only report actor. */
export const REPORT_READER_ID = 'system:weekly-report';

async function actorFor(
  container: Container,
  workspaceId: string,
  userId: string,
): Promise<Actor | undefined> {
  if (userId === REPORT_READER_ID)
    return { workspaceId, userId, role: 'viewer', displayName: 'Weekly report' };
  const member = await container.repositories.members.find(workspaceId, userId);
  return member
    ? { workspaceId, userId: member.userId, role: member.role, displayName: member.displayName }
    : undefined;
}

function plain(response: Response, status: number, message: string): void {
  response.status(status).type('text/plain; charset=utf-8').send(message);
}

/**
 * GET /teams/files/:token — the CSV behind a link from an export or report card. The export
 * runs now, as the member the link was made for: a member removed or demoted since gets what
 * their role allows today, and a link for another workspace's data cannot exist (it is signed).
 */
export function downloadHandler(container: Container, links: FileLinks) {
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
      await new Promise<void>((resolve, reject) => {
        Readable.from(csv.stream)
          .on('error', reject)
          .pipe(response)
          .on('finish', resolve)
          .on('error', reject);
      });
    } catch (error) {
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
