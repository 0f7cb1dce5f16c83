import { randomBytes } from 'node:crypto';
import { type DomainError, ErrorCode, isDomainError, ValidationError } from '../../core/shared/errors.js';
import type { WriteOutcome } from '../../core/shared/write-outcome.js';

/**
 * The message a user sees for a failure they caused. Domain messages are written for users
 * already; the codes let us add wording per surface without parsing messages.
 */
export function userMessageFor(error: DomainError): string {
  switch (error.code) {
    case ErrorCode.ValidationFailed:
      return error instanceof ValidationError ? Object.values(error.fieldErrors).join('\n') : error.message;
    case ErrorCode.Forbidden:
      return `:no_entry: ${error.message}`;
    default:
      return error.message;
  }
}

/** A short id a user can quote to support; the same id is in the log line. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/**
 * "Did not go through" only when no write had started; otherwise the outcome is unknown and
 * the user is told how to check, so they do not log the same thing twice.
 */
export function unexpectedErrorMessage(
  referenceId: string,
  outcome: WriteOutcome = 'nothing-written',
): string {
  if (outcome === 'unknown') {
    return `:warning: Something went wrong on our side while saving, and your change *may have been saved*. Look at the timeline before you try again. If it happens again, give this reference to your admin: ${referenceId}`;
  }
  return `:warning: Something went wrong on our side and your request did not go through. If it happens again, give this reference to your admin: ${referenceId}`;
}

export { isDomainError };
