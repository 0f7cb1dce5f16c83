import { expect } from 'vitest';
import type { Logger } from '../../../src/core/shared/ports.js';
import { textOf } from '../forms/form-support.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  context: Record<string, unknown>;
}

/** A logger that keeps every line, so a test can count them. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, context: Record<string, unknown> = {}) => {
      lines.push({ level, message, context });
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

export const UNREADABLE_LOG = /Slack payload could not be read/;
export const UNREADABLE_TEXT = /could not be read — please/;

/** The reference id a message gives the person. */
export function referenceIn(value: unknown): string {
  const match = /reference to your admin: ([0-9A-F]{8})/.exec(textOf(value) || String(value));
  if (!match?.[1]) throw new Error(`no reference id in: ${JSON.stringify(value).slice(0, 300)}`);
  return match[1];
}

/**
 * Exactly one warn line for the unreadable payload (none at error level: the global handler
 * never saw it), naming the surface, the id and the issue paths, and nothing of the payload's
 * secrets. Returns its reference id.
 */
export function expectOneUnreadableLine(
  lines: readonly LogLine[],
  expected: { surface: string; id?: string; secrets?: readonly string[] },
): string {
  const unreadable = lines.filter((line) => UNREADABLE_LOG.test(line.message));
  expect(unreadable, JSON.stringify(lines)).toHaveLength(1);
  expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  const [line] = unreadable;
  if (!line) throw new Error('unreachable');
  expect(line.level).toBe('warn');
  expect(line.context.surface).toBe(expected.surface);
  if (expected.id !== undefined) expect(line.context.id).toBe(expected.id);
  expect(line.context.referenceId).toMatch(/^[0-9A-F]{8}$/);
  const issues = line.context.issues;
  expect(Array.isArray(issues) && issues.length > 0).toBe(true);
  const logged = JSON.stringify(line.context);
  for (const secret of ['fake-verification-token', ...(expected.secrets ?? [])]) {
    expect(logged).not.toContain(secret);
  }
  return String(line.context.referenceId);
}

/** A copy of a payload with the value at a path replaced (undefined removes it). */
export function alter(payload: object, path: readonly (string | number)[], value: unknown): object {
  const copy: unknown = structuredClone(payload);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) throw new Error(`no ${String(key)} in the payload`);
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path.at(-1);
  if (typeof node !== 'object' || node === null || last === undefined) throw new Error('bad path');
  const record = node as Record<string | number, unknown>;
  if (value === undefined) delete record[last];
  else record[last] = value;
  return copy as object;
}
