import { randomBytes } from 'node:crypto';
import type { Activity } from '@microsoft/teams.api';
import { ErrorCode, isDomainError, ValidationError } from '../../core/shared/errors.js';
import type { Logger } from '../../core/shared/ports.js';
import { writeOutcomeOf } from '../../core/shared/write-outcome.js';
import { tenantIdOf } from './tenant.js';

/** What the user is told: their own mistake in words, or "our fault" with a reference to quote. */
export interface UserFacingError {
  message: string;
  /** Present for unexpected errors: the same id is in the log line. */
  referenceId?: string;
}

/** The id a person quotes to an admin, and the log line carries: one generator for every Teams answer. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export function userMessageFor(error: unknown): string | undefined {
  if (!isDomainError(error)) return undefined;
  switch (error.code) {
    case ErrorCode.ValidationFailed:
      return error instanceof ValidationError ? Object.values(error.fieldErrors).join('\n') : error.message;
    case ErrorCode.Forbidden:
      return `⛔ ${error.message}`;
    default:
      return error.message;
  }
}

/**
 * The one sink for errors a Teams listener did not handle itself. A failure the user caused gets
 * its specific message; anything else is logged with context — activity type, invoke name,
 * tenant, never tokens or message text — and the user hears back with a reference id.
 */
export function describeError(error: unknown, activity: Activity, logger: Logger): UserFacingError {
  const message = userMessageFor(error);
  if (message !== undefined) return { message };
  const referenceId = newReferenceId();
  // "Did not go through" only when no write had started (see core/shared/write-outcome.ts).
  const outcome = writeOutcomeOf(error);
  logger.error('Unhandled error in a Teams listener', {
    referenceId,
    outcome,
    activityType: activity.type,
    ...('name' in activity && typeof activity.name === 'string' ? { invoke: activity.name } : {}),
    tenantId: tenantIdOf(activity),
    conversationType: activity.conversation?.conversationType,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  const what =
    outcome === 'unknown'
      ? 'Something went wrong on our side while saving, and your change may have been saved. Look at the timeline before you try again.'
      : 'Something went wrong on our side and your request did not go through.';
  return {
    message: `⚠️ ${what} If it happens again, give this reference to your admin: ${referenceId}`,
    referenceId,
  };
}
