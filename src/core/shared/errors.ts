/**
 * Typed errors with stable codes. Adapters (Slack, Teams, CLI) map the code to a friendly
 * message; the code itself never changes once shipped, so it is safe to match on.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION.FAILED',
  Forbidden: 'AUTH.FORBIDDEN',
  WorkspaceNotFound: 'WORKSPACE.NOT_FOUND',
  ContactNotFound: 'CONTACT.NOT_FOUND',
  ContactHasInteractions: 'CONTACT.HAS_INTERACTIONS',
  ContactDuplicate: 'CONTACT.DUPLICATE',
  OrganisationNotFound: 'ORGANISATION.NOT_FOUND',
  InteractionNotFound: 'INTERACTION.NOT_FOUND',
  FollowUpNotFound: 'FOLLOWUP.NOT_FOUND',
  IdempotencyInProgress: 'IDEMPOTENCY.IN_PROGRESS',
  ImportInvalidFile: 'IMPORT.INVALID_FILE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = this.constructor.name;
  }
}

/** One message per offending field, keyed by the input's field path ("contacts", "followUp.dueAt"). */
export type FieldErrors = Record<string, string>;

export class ValidationError extends DomainError {
  readonly code = ErrorCode.ValidationFailed;
  constructor(readonly fieldErrors: FieldErrors) {
    super(
      `Invalid input: ${Object.entries(fieldErrors)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}`,
    );
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.Forbidden;
}

export class NotFoundError extends DomainError {
  constructor(
    readonly code:
      | typeof ErrorCode.WorkspaceNotFound
      | typeof ErrorCode.ContactNotFound
      | typeof ErrorCode.OrganisationNotFound
      | typeof ErrorCode.InteractionNotFound
      | typeof ErrorCode.FollowUpNotFound,
    message: string,
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  constructor(
    readonly code:
      | typeof ErrorCode.ContactHasInteractions
      | typeof ErrorCode.ContactDuplicate
      | typeof ErrorCode.IdempotencyInProgress,
    message: string,
  ) {
    super(message);
  }
}

export class ImportFileError extends DomainError {
  readonly code = ErrorCode.ImportInvalidFile;
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
