import { randomBytes } from 'node:crypto';
import type { Activity } from '@microsoft/teams.api';
import { describeFailure, type FailureDescription, isForbidden } from '../../core/shared/describe-failure.js';
import { isDomainError } from '../../core/shared/errors.js';
import type { Logger } from '../../core/shared/ports.js';
import { writeOutcomeOf } from '../../core/shared/write-outcome.js';
import { tenantIdOf } from './tenant.js';

/** What the user is told: their own mistake in words, or "our fault" with a reference to quote. */
export interface UserFacingError {
  message: string;
  /** Present for failures that are not the user's: the same id is in the log line. */
  referenceId?: string;
}

/** The id a person quotes to an admin, and the log line carries: one generator for every Teams answer. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** Teams' rendering of the core's failure descriptions (core/shared/describe-failure.ts). */
export function teamsFailureText(description: FailureDescription): string {
  if (description.kind === 'refused')
    return isForbidden(description) ? `⛔ ${description.text}` : description.text;
  return `⚠️ ${description.text}`;
}

export function userMessageFor(error: unknown): string | undefined {
  if (!isDomainError(error)) return undefined;
  return teamsFailureText(describeFailure(error, { outcome: 'nothing-written', referenceId: '' }));
}

/**
 * The one sink for errors a Teams listener did not handle itself. The core describes the
 * failure; anything not the user's is logged with context — activity type, invoke name,
 * tenant, never tokens or message text — under the reference id the user is given.
 */
export function describeError(error: unknown, activity: Activity, logger: Logger): UserFacingError {
  const description = describeFailure(error, {
    outcome: writeOutcomeOf(error),
    referenceId: newReferenceId(),
  });
  const message = teamsFailureText(description);
  if (description.kind === 'refused') return { message };
  const context = {
    referenceId: description.referenceId,
    saved: description.saved,
    activityType: activity.type,
    ...('name' in activity && typeof activity.name === 'string' ? { invoke: activity.name } : {}),
    tenantId: tenantIdOf(activity),
    conversationType: activity.conversation?.conversationType,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
  if (description.kind === 'store-unreachable') logger.warn('The store is unreachable', context);
  else logger.error('Unhandled error in a Teams listener', context);
  return { message, referenceId: description.referenceId };
}
