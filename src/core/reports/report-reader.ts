import type { Actor } from '../shared/actor.js';

/** The id the scheduled report reads as: it acts for no one (and a Teams CSV link names it). */
export const REPORT_READER_ID = 'system:weekly-report';

/**
 * The scheduled report's actor: it reads everything and, as a viewer, may write nothing. One
 * definition for the worker that posts the report and the Teams link that serves its CSV later.
 */
export function reportReader(workspaceId: string): Actor {
  return { workspaceId, userId: REPORT_READER_ID, role: 'viewer', displayName: 'Weekly report' };
}
