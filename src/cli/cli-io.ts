import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Logger } from '../core/shared/ports.js';

/** Where a CLI run reads its environment and writes; tests pass their own streams. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export const EXIT = {
  ok: 0,
  /** The command could not do its job (bad file, database unreachable…). */
  failed: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** The command ran but some input rows were rejected (see the report). */
  partial: 3,
} as const;

/** A mistake in the command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** The command cannot go on (unreadable file…): printed as is, exit code 1. */
export class CliError extends Error {}

export async function writeAll(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export function line(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}

const RANK: Record<string, number> = { trace: 0, debug: 0, info: 1, warn: 2, error: 3, fatal: 3, silent: 4 };

/**
 * Logs go to stderr as plain lines, so stdout carries only the command's output (an export
 * piped to a file must not contain log lines). Quiet by default: warnings and errors.
 */
export function stderrLogger(stderr: Writable, level = 'warn'): Logger {
  const threshold = RANK[level] ?? RANK.warn!;
  const log =
    (at: 'debug' | 'info' | 'warn' | 'error') => (message: string, context?: Record<string, unknown>) => {
      if (RANK[at]! < threshold) return;
      const details = context && Object.keys(context).length > 0 ? ` ${JSON.stringify(context)}` : '';
      line(stderr, `${at}: ${message}${details}`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** "12,345" for progress lines. */
export function count(value: number): string {
  return value.toLocaleString('en');
}
