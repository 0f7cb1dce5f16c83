import { type RecordedCall, validateMessageBlocks, validateView } from '../slack/fake-slack/index.js';

/** Errors only a malformed message or view earns (not auth, not rate limits). */
const VALIDATION_ERRORS =
  /invalid_blocks|invalid_arguments|msg_too_long|msg_blocks_too_long|no_text|invalid_blocks_format/;

export function invalidCalls(calls: RecordedCall[]): string[] {
  return calls
    .filter((call) => !call.ok && call.error && VALIDATION_ERRORS.test(call.error))
    .map((call) =>
      `${call.method}: ${call.error} ${JSON.stringify(call.response.errors ?? '')}`.slice(0, 400),
    );
}

/** A view or blocks the app put in its HTTP answer, checked with the fake's Block Kit validator. */
export function invalidBody(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const problems: string[] = [];
  if (record.view !== undefined) {
    const verdict = validateView(record.view);
    if (!verdict.ok) problems.push(`ack view: ${verdict.error} ${verdict.errors?.join('; ')}`);
  }
  if (record.blocks !== undefined) {
    const verdict = validateMessageBlocks(record.blocks);
    if (!verdict.ok) problems.push(`ack blocks: ${verdict.error} ${verdict.errors?.join('; ')}`);
  }
  return problems;
}
