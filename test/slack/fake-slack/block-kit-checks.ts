import type { JsonObject } from './types.js';

/**
 * Collects Slack-style validation errors: `<sentence> [json-pointer:<root><path>]`.
 * The sentences are the ones Slack's API is seen to return ("must be less than 3001
 * characters", "no more than 50 items allowed", "missing required field: x",
 * "invalid additional property: x", "must be a valid enum value", "unsupported type: x").
 */
export class Checker {
  readonly errors: string[] = [];

  constructor(readonly root: string) {}

  fail(path: string, sentence: string): void {
    this.errors.push(`${sentence} [json-pointer:${this.root}${path}]`);
  }

  /** The value as an object, or records "must provide an object" and returns undefined. */
  object(value: unknown, path: string): JsonObject | undefined {
    if (isObject(value)) return value;
    this.fail(path, 'must provide an object');
    return undefined;
  }

  array(value: unknown, path: string, min: number, max: number): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.fail(path, 'must provide an array');
      return undefined;
    }
    if (value.length < min) this.fail(path, `must provide at least ${min} items`);
    if (value.length > max) this.fail(path, `no more than ${max} items allowed`);
    return value;
  }

  /** Checks the array's size, then `check` on every item with its own pointer. */
  each(
    value: unknown,
    path: string,
    min: number,
    max: number,
    check: (item: unknown, path: string) => void,
  ): void {
    const items = this.array(value, path, min, max) ?? [];
    for (const [i, item] of items.entries()) check(item, `${path}/${i}`);
  }

  string(value: unknown, path: string, min: number, max: number): string | undefined {
    if (typeof value !== 'string') {
      this.fail(path, 'must provide a string');
      return undefined;
    }
    if (value.length < min) this.fail(path, `must be more than ${min - 1} characters`);
    if (value.length > max) this.fail(path, `must be less than ${max + 1} characters`);
    return value;
  }

  boolean(value: unknown, path: string): void {
    if (typeof value !== 'boolean') this.fail(path, 'must provide a boolean');
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(path, 'must provide an integer');
      return undefined;
    }
    if (value < min) this.fail(path, `must be greater than or equal to ${min}`);
    if (value > max) this.fail(path, `must be less than or equal to ${max}`);
    return value;
  }

  oneOf(value: unknown, path: string, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value)) this.fail(path, 'must be a valid enum value');
  }

  /** Slack rejects unknown keys: this is what catches typos like `acessory`. */
  onlyKeys(obj: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(path, `invalid additional property: ${key}`);
    }
  }

  required(obj: JsonObject, path: string, keys: readonly string[]): void {
    for (const key of keys) {
      if (obj[key] === undefined) this.fail(path, `missing required field: ${key}`);
    }
  }

  /** Runs `check` on the field only when present; required-ness is checked separately. */
  optional(obj: JsonObject, key: string, path: string, check: (value: unknown, path: string) => void): void {
    if (obj[key] !== undefined) check(obj[key], `${path}/${key}`);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Per-surface state while walking blocks: where we are (surface), ids already used, and
 * how many elements asked for focus.
 */
export interface SurfaceContext {
  surface: 'message' | 'modal' | 'home';
  blockIds: Set<string>;
  /** Reset for every block: action_ids only need to be unique inside one block. */
  actionIds: Set<string>;
  focusCount: number;
}

export function newSurface(surface: SurfaceContext['surface']): SurfaceContext {
  return { surface, blockIds: new Set(), actionIds: new Set(), focusCount: 0 };
}
