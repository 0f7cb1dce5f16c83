import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { blockActionsSurface } from './actions.js';
import { commandSurface } from './commands.js';
import { eventSurface } from './events.js';
import { optionsSurface } from './options.js';
import { type AnswerArgs, type PayloadSurface, parsePayload } from './parse-payload.js';
import { loggedIdAt } from './shared.js';
import { globalShortcutSurface, messageShortcutSurface } from './shortcuts.js';
import { viewClosedSurface, viewSubmissionSurface } from './views.js';

const BY_TYPE = new Map<string, PayloadSurface>([
  ['block_actions', blockActionsSurface],
  ['view_submission', viewSubmissionSurface],
  ['view_closed', viewClosedSurface],
  ['block_suggestion', optionsSurface],
  ['shortcut', globalShortcutSurface],
  ['message_action', messageShortcutSurface],
  ['event_callback', eventSurface],
]);

/** Interactive payloads name their type; a slash command is the one without, carrying `command`. */
function surfaceOf(body: unknown): PayloadSurface | undefined {
  const type = loggedIdAt(body, 'type');
  if (type !== undefined) return BY_TYPE.get(type);
  return loggedIdAt(body, 'command') !== undefined ? commandSurface : undefined;
}

/** A request of no known kind: nothing listens to it, so it is refused with an empty ack. */
const unknownSurface: PayloadSurface = {
  kind: 'unknown',
  schemaFor: () => z.never(),
  idOf: (raw) => loggedIdAt(raw, 'type'),
  async answer({ ack }) {
    await ack?.();
  },
};

/**
 * Global middleware, first in the chain (before tenancy, which writes): every inbound payload
 * is parsed by its surface's schema, and one that does not parse never reaches a listener. The
 * listeners read Bolt's body only after this step has checked every field they use.
 */
export function parseInboundPayloads(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const answerArgs: AnswerArgs = {
      ack: 'ack' in args ? (args.ack as AnswerArgs['ack']) : undefined,
      client: args.client,
      body: args.body,
    };
    const outcome = await parsePayload(surfaceOf(args.body) ?? unknownSurface, answerArgs, logger);
    if (outcome.ok) await args.next();
  };
}
