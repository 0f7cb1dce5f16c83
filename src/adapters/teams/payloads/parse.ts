import type { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { newReferenceId } from '../errors.js';

/** What a person is told when a payload does not parse: nothing was done, the form is to be reopened. */
export const FORM_UNREADABLE = 'That form could not be read — please close it and open it again.';
/** The same, for a card button: a card is "reopened" by running its command again. */
export const CARD_UNREADABLE =
  'That form could not be read — this card may be out of date. Please run the command again for a fresh one.';

export type Parsed<T> = { ok: true; data: T } | { ok: false; referenceId: string };

const MAX_LOGGED_ISSUES = 20;

/** Names safe to log: short, no control characters (they come from the request). */
function label(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return value.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 80);
}

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && !Array.isArray(source)
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/** Which surface a payload came from, for the log: never its content, never a token. */
function whereFrom(activity: unknown): Record<string, string> {
  const value = field(activity, 'value');
  const facts = {
    activityType: label(field(activity, 'type')),
    invoke: label(field(activity, 'name')),
    verb: label(field(field(value, 'action'), 'verb')),
    dialog: label(field(field(value, 'data'), 'dialog')),
    commandId: label(field(value, 'commandId')),
  };
  return Object.fromEntries(
    Object.entries(facts).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The one parse step of every Teams entry point: the whole activity through its surface's
 * schema. A payload that does not parse is logged here, once, with a reference id the answer
 * repeats, the surface it came from and the paths zod refused — and the caller writes nothing.
 */
export function readPayload<S extends z.ZodType>(
  schema: S,
  activity: unknown,
  logger: Logger,
): Parsed<z.output<S>> {
  const parsed = schema.safeParse(activity);
  if (parsed.success) return { ok: true, data: parsed.data };
  const referenceId = newReferenceId();
  logger.warn('A Teams payload did not match its schema; answered "could not be read", nothing written', {
    referenceId,
    ...whereFrom(activity),
    issues: parsed.error.issues.slice(0, MAX_LOGGED_ISSUES).map((issue) => ({
      path: issue.path.map((part) => label(String(part)) ?? '').join('.'),
      code: issue.code,
    })),
  });
  return { ok: false, referenceId };
}

/** The sentence a person reads, with the reference that is in the log line. */
export function unreadableMessage(referenceId: string, sentence = FORM_UNREADABLE): string {
  return `⚠️ ${sentence} Nothing was saved. (Reference: ${referenceId})`;
}
