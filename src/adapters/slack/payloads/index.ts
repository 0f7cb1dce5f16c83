import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { newReferenceId } from '../errors.js';
import { blockActionsSurface } from './actions.js';
import { answerWhereItCameFrom } from './answers.js';
import { commandSurface } from './commands.js';
import { eventSurface } from './events.js';
import { type ElementIds, ListenedIds } from './listened-ids.js';
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

/** A request of no kind the app handles (no listener would answer it): an empty ack, a log line. */
const unknownSurface: PayloadSurface = {
  kind: 'unknown',
  schemaFor: () => z.never(),
  idOf: (raw) => loggedIdAt(raw, 'type'),
  async answer({ ack }) {
    await ack();
  },
};

/** Interactive payloads name their type; a slash command is the one without, carrying `command`. */
export function surfaceOf(body: unknown): PayloadSurface {
  const type = loggedIdAt(body, 'type');
  if (type !== undefined) return BY_TYPE.get(type) ?? unknownSurface;
  return loggedIdAt(body, 'command') !== undefined ? commandSurface : unknownSurface;
}

/** What the person reads after a click on an element the app does not (or no longer) listen for. */
export const UNSUPPORTED_BUTTON = 'That button is no longer supported — run the command again';

/** The element a parsed click or search came from, when it is one: Bolt routes on these ids. */
function elementIdsOf(body: unknown): ElementIds | undefined {
  const parsed = z
    .looseObject({
      type: z.enum(['block_actions', 'block_suggestion']),
      action_id: z.string().optional(),
      block_id: z.string().optional(),
      actions: z.array(z.looseObject({ action_id: z.string(), block_id: z.string() })).optional(),
    })
    .safeParse(body);
  if (!parsed.success) return undefined;
  const { type, actions } = parsed.data;
  const element = type === 'block_actions' ? actions?.[0] : parsed.data;
  if (element?.action_id === undefined || element.block_id === undefined) return undefined;
  return { type, actionId: element.action_id, blockId: element.block_id };
}

/**
 * A click or search whose ids no listener matches (a forged payload, or an element of an old
 * message whose listener is gone): acknowledged at once and answered as an unreadable payload
 * would be, one log line with the reference the person reads.
 */
async function answerUnlistened(ids: ElementIds, args: AnswerArgs, logger: Logger): Promise<void> {
  const referenceId = newReferenceId();
  logger.warn('A Slack click or search names an element no listener handles; the person was told', {
    referenceId,
    surface: ids.type,
    id: ids.actionId.slice(0, 100),
  });
  try {
    if (ids.type === 'block_suggestion') await optionsSurface.answer(args, referenceId);
    else await answerWhereItCameFrom(args, UNSUPPORTED_BUTTON, referenceId);
  } catch (error) {
    logger.warn('Could not tell the person their click is not handled', {
      referenceId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A client to answer with when Bolt has not authorized the request (it never will). */
export type AnswerClientFor = (body: unknown) => Promise<WebClient | undefined>;

/**
 * The adapter's parse step, ahead of everything else: Bolt's own routing (which reads actions,
 * view, event and channel without checks), authorization, tenancy (which writes) and every
 * listener. Each request is parsed by its surface's schema; one that does not parse is answered
 * and logged by parsePayload and never handed to Bolt, so no listener can see it. Listeners
 * then read Bolt's body, every field of which they use has been checked here. It also records
 * the ids every later `app.action` / `app.options` listens for, so a click or search that none
 * of them would match is answered here rather than left to Bolt's silent 404.
 */
export function parseBeforeRouting(app: App, logger: Logger, answerClientFor: AnswerClientFor): void {
  const listened = new ListenedIds();
  listened.watch(app);
  const route = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const args: AnswerArgs = {
      ack: (response) => event.ack(response),
      client: () => answerClientFor(event.body),
      body: event.body,
    };
    const outcome = await parsePayload(surfaceOf(event.body), args, logger);
    if (!outcome.ok) return;
    const ids = elementIdsOf(event.body);
    if (ids && !(ids.type === 'block_suggestion' ? listened.hasOptions(ids) : listened.hasAction(ids))) {
      await answerUnlistened(ids, args, logger);
      return;
    }
    await route(event);
  };
}
