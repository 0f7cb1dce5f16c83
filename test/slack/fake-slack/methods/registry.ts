import type { FakeCore } from '../core.js';
import type { FakeToken, JsonObject } from '../types.js';

export interface MethodContext {
  args: JsonObject;
  auth: FakeToken;
  core: FakeCore;
}

/** A Web API method: returns Slack's JSON body (always HTTP 200, like Slack). */
export type MethodHandler = (ctx: MethodContext) => JsonObject;

export function ok(extra: JsonObject = {}): JsonObject {
  return { ok: true, ...extra };
}

export function fail(error: string, extra: JsonObject = {}): JsonObject {
  return { ok: false, error, ...extra };
}

/** The shape of Slack's validation failures: sentences repeated as `[ERROR]` lines. */
export function failWithMessages(error: string, errors: string[], includeErrors: boolean): JsonObject {
  return fail(error, {
    ...(includeErrors ? { errors } : {}),
    response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
  });
}

/** A string argument; numbers (JSON bodies) are accepted as Slack coerces them. */
export function argString(args: JsonObject, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Form bodies carry booleans as strings: "true" and "1" are true, as on Slack. */
export function argBool(args: JsonObject, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}
