import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { newReferenceId } from '../errors.js';

/** What the person reads when a form's payload cannot be read (the option text fits 75 chars). */
export const UNREADABLE_FORM = 'That form could not be read — please close it and open it again';

/** The full sentence, with the reference id that is also in the log line. */
export function unreadableMessage(sentence: string, referenceId: string): string {
  return `:warning: ${sentence}. Nothing was saved. If it happens again, give this reference to your admin: ${referenceId}`;
}

/** What an answer may use: the request's ack, and a client for answers that call Slack. */
export interface AnswerArgs {
  ack: (response?: unknown) => Promise<void>;
  /** Undefined when no token can be found for the request's workspace. */
  client: () => Promise<WebClient | undefined>;
  /** The request as received: an answer reads its reply address through its own lenient schema. */
  body: unknown;
}

/**
 * One inbound surface (slash command, view submission, block action…): the schema for a
 * given payload, a lenient read of its id for the log line, and how to tell the person, within
 * the ack, that the payload could not be read.
 */
export interface PayloadSurface {
  readonly kind: string;
  schemaFor(raw: unknown): z.ZodType;
  idOf(raw: unknown): string | undefined;
  answer(args: AnswerArgs, referenceId: string): Promise<void>;
}

export type ParseOutcome = { ok: true; data: unknown } | { ok: false; referenceId: string };

const ISSUES_LOGGED = 10;

/** Where the payload went wrong, never what it held (it may carry tokens or personal data). */
function issuePaths(error: z.ZodError): string[] {
  return error.issues
    .slice(0, ISSUES_LOGGED)
    .map((issue) => `${issue.path.map(String).join('/') || '(root)'}: ${issue.code}`);
}

/**
 * The one parse step every inbound payload goes through. Parsed: the parsed payload. Not
 * parsed: a reference id from the same generator as the global error handler, one warn line
 * (surface, id, issue paths), the surface's answer, and not ok, so nothing downstream runs
 * and nothing is written.
 */
export async function parsePayload(
  surface: PayloadSurface,
  args: AnswerArgs,
  logger: Logger,
): Promise<ParseOutcome> {
  const result = surface.schemaFor(args.body).safeParse(args.body);
  if (result.success) return { ok: true, data: result.data };
  const referenceId = newReferenceId();
  logger.warn('A Slack payload could not be read; the person was told and nothing was done', {
    referenceId,
    surface: surface.kind,
    id: surface.idOf(args.body),
    issues: issuePaths(result.error),
  });
  try {
    await surface.answer(args, referenceId);
  } catch (error) {
    logger.warn('Could not tell the person their payload could not be read', {
      referenceId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return { ok: false, referenceId };
}
