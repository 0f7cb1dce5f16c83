import { randomBytes } from 'node:crypto';
import { describeFailure, type FailureDescription, isForbidden } from '../../core/shared/describe-failure.js';
import { type DomainError, isDomainError } from '../../core/shared/errors.js';
import type { WriteOutcome } from '../../core/shared/write-outcome.js';

/**
 * Slack's rendering of the core's failure descriptions (core/shared/describe-failure.ts): the
 * core decides the words and what they promise about the person's data; this adds Slack's marks.
 */
export function slackFailureText(description: FailureDescription): string {
  if (description.kind === 'refused')
    return isForbidden(description) ? `:no_entry: ${description.text}` : description.text;
  return `:warning: ${description.text}`;
}

/** The message for a failure the user caused (a refusal: nothing was written). */
export function userMessageFor(error: DomainError): string {
  return slackFailureText(describeFailure(error, { outcome: 'nothing-written', referenceId: '' }));
}

/** A short id a user can quote to support; the same id is in the log line. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** Any failure, described by the core with a fresh reference id. */
export function describeForSlack(error: unknown, outcome: WriteOutcome): FailureDescription {
  return describeFailure(error, { outcome, referenceId: newReferenceId() });
}

export { isDomainError };
