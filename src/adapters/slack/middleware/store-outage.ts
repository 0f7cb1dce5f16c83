import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../core/shared/ports.js';
import { storeUnreachableIn } from '../../../core/shared/store-unreachable.js';
import { writeOutcomeOf } from '../../../core/shared/write-outcome.js';
import { noticeView } from '../blocks/interaction-modals.js';
import { requestTypeOf } from '../error-handler.js';
import { describeForSlack, slackFailureText } from '../errors.js';

type Ack = (response?: object) => Promise<void>;

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

/** The ack that carries the message itself, where the surface can show one in its answer. */
function answerFor(body: unknown, text: string, saved: 'nothing' | 'maybe'): object | undefined {
  if (typeof field(body, 'command') === 'string') return { response_type: 'ephemeral', text };
  switch (field(body, 'type')) {
    case 'view_submission':
      return {
        response_action: 'update',
        view: noticeView(saved === 'maybe' ? 'Maybe saved' : 'Not saved', text),
      };
    case 'block_suggestion':
      // A select menu shows no message: no options, and the form stays as it was.
      return { options: [] };
    default:
      return undefined;
  }
}

/**
 * First in the chain, ahead of tenancy (which reads the store too): when the store is
 * unreachable and nothing has answered Slack yet, the ack itself says so — a command's reply,
 * the modal's notice — so the person reads it inside Slack's 3 seconds instead of a timeout.
 * Where the answer cannot carry a message (buttons, shortcuts), the request is acked and the
 * global handler tells the person in the conversation or a DM. Once a listener has acked, ack
 * refuses a second answer and the global handler does the telling.
 */
export function answeringStoreOutages(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as Ack) : undefined;
      if (!ack || !storeUnreachableIn(error)) throw error;
      const description = describeForSlack(error, writeOutcomeOf(error));
      const text = slackFailureText(description);
      const answer = answerFor(args.body, text, description.saved);
      try {
        await ack(answer);
      } catch {
        throw error; // already acknowledged by the listener
      }
      // Buttons and shortcuts: acked in time, told by the global handler. A search is not told (one per keystroke).
      if (!answer) throw error;
      logger.warn('The store is unreachable', {
        referenceId: description.kind === 'refused' ? undefined : description.referenceId,
        saved: description.saved,
        error: error instanceof Error ? error.message : String(error),
        requestType: requestTypeOf(args.body),
        teamId: args.context.teamId,
        userId: args.context.userId,
      });
    }
  };
}
