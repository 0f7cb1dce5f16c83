/**
 * What one input did, in platform-neutral terms, and the invariants every input must keep.
 * Drivers fill an `Exchange`; `violationsOf` judges it.
 */
export type Platform = 'slack' | 'teams';
export type Surface = 'command' | 'form' | 'action' | 'dialog' | 'extension' | 'suggestion' | 'shortcut';

export interface Exchange {
  platform: Platform;
  surface: Surface;
  /** The input's class for KNOWN_GAPS, e.g. `form:malformed`, `command:grammar`. */
  inputClass: string;
  seed: number;
  /** What was sent, for the report (truncated). */
  sent: unknown;
  status: number;
  /** Everything the person could read that the bot produced for this input. */
  replies: string[];
  /** The HTTP answer or an outbound call reached the person (a modal, a message, an error). */
  answered: boolean;
  /** Messages or views the platform refused or that fail its validator. */
  invalidMessages: string[];
  /** Rows added (interactions, contacts, organisations, audit entries). */
  rowsWritten: number;
  /** A fault was active: an unexpected-error answer is then allowed, a false failure is not. */
  fault?: string;
  /** Set when the same request was delivered again: rows that second delivery added. */
  duplicateRows?: number;
  /** The answer said it was saved, and the store does not have it. */
  lost?: boolean;
  /** The driver threw (connection refused, reset): the app is down. */
  transportError?: string;
  /**
   * The request names no surface the platform defines (a Slack payload whose `type` is garbage,
   * null or missing), or no person and no way back to one (no user id, response_url, trigger or
   * view): there is no one and nowhere to answer, so an empty 2xx ack is its answer.
   */
  noSurface?: boolean;
  /**
   * The transport refused the body itself, in JSON (Teams: over 100 kB, or JSON cut short):
   * nothing reached the app, and a 400 or 413 saying so is the answer, not a crash.
   */
  transportRefusal?: boolean;
}

export type InvariantName =
  | 'crash'
  | 'http-5xx'
  | 'unanswered'
  | 'written-on-error'
  | 'false-failure'
  | 'duplicated'
  | 'lost'
  | 'invalid-message'
  | 'unexpected-error';

export interface Violation {
  invariant: InvariantName;
  detail: string;
}

const FALSE_FAILURE = /did not go through/i;
const UNEXPECTED = /something went wrong/i;
/** An answer that refuses or fails: nothing may have been written. */
const ERROR_ANSWER =
  /\[field errors\]|did not go through|:no_entry:|⛔|:x: |Try: `|could not be read|not allowed|only admins/i;
/** "May have been saved" is the honest answer when the outcome is unknown: rows are allowed. */
const UNKNOWN_OUTCOME = /may have been saved/i;

export function isErrorAnswer(exchange: Exchange): boolean {
  const refused = exchange.replies.some(
    (reply) => ERROR_ANSWER.test(reply) || (UNEXPECTED.test(reply) && !UNKNOWN_OUTCOME.test(reply)),
  );
  return refused && !exchange.replies.some(isSuccess);
}

/** Success wording that may come with an error on another part of the same input. */
export function isSuccess(reply: string): boolean {
  return /^:white_check_mark:|^Logged[ :]|^Saved|^Updated/.test(reply);
}

/**
 * An answer that stands without a reply to a person: the empty ack of a request with no surface
 * (anything else, a reply included, is judged as usual), or the transport's 400/413 refusal.
 */
function answeredWithoutReply(exchange: Exchange): boolean {
  const { status } = exchange;
  if (exchange.noSurface && status >= 200 && status < 300 && exchange.replies.length === 0) return true;
  return exchange.transportRefusal === true && (status === 400 || status === 413);
}

export function violationsOf(exchange: Exchange): Violation[] {
  const found: Violation[] = [];
  const add = (invariant: InvariantName, detail: string) => found.push({ invariant, detail });
  if (exchange.transportError) add('crash', exchange.transportError);
  if (exchange.status >= 500) add('http-5xx', `HTTP ${exchange.status}`);
  if (!exchange.transportError && !exchange.answered && !answeredWithoutReply(exchange))
    add('unanswered', `HTTP ${exchange.status}, no reply`);
  for (const invalid of exchange.invalidMessages) add('invalid-message', invalid);
  const failed = exchange.replies.find((reply) => FALSE_FAILURE.test(reply));
  if (failed && exchange.rowsWritten > 0) {
    add('false-failure', `${exchange.rowsWritten} rows written, yet: ${clip(failed)}`);
  } else if (isErrorAnswer(exchange) && exchange.rowsWritten > 0) {
    add('written-on-error', `${exchange.rowsWritten} rows written on: ${clip(exchange.replies.join(' | '))}`);
  }
  if (!exchange.fault) {
    const unexpected = exchange.replies.find((reply) => UNEXPECTED.test(reply));
    if (unexpected) add('unexpected-error', clip(unexpected));
  }
  if (exchange.lost) add('lost', `confirmed but not in the store: ${clip(exchange.replies.join(' | '))}`);
  if (exchange.duplicateRows) add('duplicated', `redelivery added ${exchange.duplicateRows} rows`);
  return found;
}

export function clip(text: string, length = 300): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
