import { ValidationError } from '../shared/errors.js';

/**
 * A command the grammar cannot read. It is a ValidationError (code VALIDATION.FAILED, one
 * message under the `command` field) so adapters that already map validation errors show
 * something sensible; adapters that know this class also show the token and the hint.
 */
export class CommandSyntaxError extends ValidationError {
  constructor(
    /** The offending part exactly as the user typed it, e.g. `followup:later`. */
    readonly token: string,
    /** What is wrong, in words for the user. */
    readonly reason: string,
    /** The syntax that would have worked, e.g. `followup:open|overdue|done|none`. */
    readonly hint: string,
    /** The whole syntax this part belongs to, shown under the error; the filters' when absent. */
    readonly syntax?: string,
  ) {
    super({ command: reason });
  }
}
