import { type DomainError, ErrorCode, type FieldErrors, isDomainError, ValidationError } from './errors.js';
import { storeUnreachableIn } from './store-unreachable.js';
import type { WriteOutcome } from './write-outcome.js';

/**
 * What a person is told when their request failed, decided once for every surface. Adapters
 * only render it (emoji, markdown, card or view); the wording and what it promises about
 * their data are the same on Slack and Teams.
 */
export type FailureDescription =
  | {
      /** The person's own request was refused (validation, permissions, a record gone): nothing was written. */
      kind: 'refused';
      code: DomainError['code'];
      text: string;
      /** Present for validation: one message per offending field, for surfaces that show them in place. */
      fieldErrors?: FieldErrors;
      saved: 'nothing';
    }
  | {
      /** The store did not answer in time. */
      kind: 'store-unreachable';
      text: string;
      saved: 'nothing' | 'maybe';
      /** Also in the log line, so an admin can find it. */
      referenceId: string;
    }
  | {
      /** Anything else: our fault, said with a reference to quote. */
      kind: 'unexpected';
      text: string;
      saved: 'nothing' | 'maybe';
      referenceId: string;
    };

export const STORE_UNREACHABLE_NOTHING_SAVED =
  'The database is unreachable right now — nothing was saved. Please try again in a minute.';
export const STORE_UNREACHABLE_MAYBE_SAVED =
  'The database is unreachable right now, and your change may have been saved. Look at the timeline before you try again.';

/**
 * Pure: the error, what the request's writes may have done (write-outcome.ts) and a fresh
 * reference id in; the description out. "Nothing was saved" and "did not go through" are only
 * said when no write may have applied; otherwise the person is told how to check.
 */
export function describeFailure(
  error: unknown,
  context: { outcome: WriteOutcome; referenceId: string },
): FailureDescription {
  if (isDomainError(error)) return describeRefusal(error);
  const saved = context.outcome === 'unknown' ? 'maybe' : 'nothing';
  const { referenceId } = context;
  if (storeUnreachableIn(error)) {
    return {
      kind: 'store-unreachable',
      saved,
      referenceId,
      text: saved === 'maybe' ? STORE_UNREACHABLE_MAYBE_SAVED : STORE_UNREACHABLE_NOTHING_SAVED,
    };
  }
  const what =
    saved === 'maybe'
      ? 'Something went wrong on our side while saving, and your change may have been saved. Look at the timeline before you try again.'
      : 'Something went wrong on our side and your request did not go through.';
  return {
    kind: 'unexpected',
    saved,
    referenceId,
    text: `${what} If it happens again, give this reference to your admin: ${referenceId}`,
  };
}

function describeRefusal(error: DomainError): FailureDescription {
  if (error instanceof ValidationError) {
    return {
      kind: 'refused',
      code: error.code,
      text: Object.values(error.fieldErrors).join('\n'),
      fieldErrors: error.fieldErrors,
      saved: 'nothing',
    };
  }
  return { kind: 'refused', code: error.code, text: error.message, saved: 'nothing' };
}

/** Refusals for lack of rights get a "no entry" mark on every surface. */
export function isForbidden(description: FailureDescription): boolean {
  return description.kind === 'refused' && description.code === ErrorCode.Forbidden;
}
