import type { InvokeResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { describeFailure } from '../../core/shared/describe-failure.js';
import type { Logger } from '../../core/shared/ports.js';
import { writeOutcomeOf } from '../../core/shared/write-outcome.js';
import { newReferenceId, teamsFailureText } from './errors.js';
import { surfaceOf } from './payloads/surfaces.js';
import { tenantIdOf } from './tenant.js';

const CAUSES_FOLLOWED = 5;

/**
 * The HTTP status an outbound call was refused with: the SDK's client errors carry the response.
 * Followed through causes, as a failure after a write leaves wrapped (WriteOutcomeUnknownError).
 */
function outboundStatusOf(error: unknown): number | undefined {
  let node = error;
  for (let depth = 0; depth < CAUSES_FOLLOWED && typeof node === 'object' && node !== null; depth += 1) {
    const response = 'response' in node ? node.response : undefined;
    if (typeof response === 'object' && response !== null && 'status' in response) {
      return typeof response.status === 'number' ? response.status : undefined;
    }
    node = 'cause' in node ? node.cause : undefined;
  }
  return undefined;
}

/**
 * The outermost guard of every Teams turn. An error no listener handled — above all a reply
 * that could not be delivered (the Bot Connector answered our send with a 5xx or 429, and the
 * listener's own "something went wrong" reply failed the same way) — would make the SDK answer
 * HTTP 500 on /api/messages: the activity did arrive and was handled as far as it could be, yet
 * Teams would read our failure to reach it as the bot being broken and retry the message. The
 * turn is answered 200 instead (an invoke: its surface's answer, with the honest wording), and
 * the failure is logged once with its context and the reference. Only the error's message is
 * logged: the client's error object carries the request, Authorization header included.
 * Register before every other middleware and listener.
 */
export function answerEscapedFailures(app: App, logger: Logger): void {
  app.use(async (ctx) => {
    try {
      return await ctx.next();
    } catch (error) {
      const { activity } = ctx;
      const referenceId = newReferenceId();
      const outboundStatus = outboundStatusOf(error);
      const context = {
        referenceId,
        activityType: activity.type,
        ...('name' in activity && typeof activity.name === 'string' ? { invoke: activity.name } : {}),
        tenantId: tenantIdOf(activity),
        conversationType: activity.conversation?.conversationType,
        ...(outboundStatus !== undefined ? { outboundStatus } : {}),
        error: error instanceof Error ? error.message : String(error),
      };
      if (outboundStatus !== undefined) {
        logger.warn('A Teams reply could not be delivered; the activity is answered 200, not 5xx', context);
      } else {
        logger.error('An error escaped a Teams listener; the activity is answered 200, not 5xx', context);
      }
      const refusal = surfaceOf(activity).refusal;
      if (refusal.kind !== 'invoke') return undefined;
      const text = teamsFailureText(describeFailure(error, { outcome: writeOutcomeOf(error), referenceId }));
      const answer: InvokeResponse = { status: 200, body: refusal.body(referenceId, text) };
      return answer;
    }
  });
}
