import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { blockActionsSurface } from './actions.js';
import { commandSurface } from './commands.js';
import { eventSurface } from './events.js';
import { ListenedIds } from './listened-ids.js';
import { optionsSurface } from './options.js';
import { type AnswerArgs, type PayloadSurface, parsePayload } from './parse-payload.js';
import { loggedIdAt } from './shared.js';
import { globalShortcutSurface, messageShortcutSurface } from './shortcuts.js';
import { answerUnlistened, unlistenedIn } from './unlistened.js';
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

/** A client to answer with when Bolt has not authorized the request (it never will). */
export type AnswerClientFor = (body: unknown) => Promise<WebClient | undefined>;

/**
 * The adapter's parse step, ahead of everything else: Bolt's own routing (which reads actions,
 * view, event and channel without checks), authorization, tenancy (which writes) and every
 * listener. Each request is parsed by its surface's schema; one that does not parse is answered
 * and logged by parsePayload and never handed to Bolt, so no listener can see it. Listeners
 * then read Bolt's body, every field of which they use has been checked here. It also records
 * the ids every later `app.action`, `app.options`, `app.view` and `app.shortcut` listens for,
 * so a click, search, form or shortcut none of them would match is answered here rather than
 * left to Bolt's 404 after its 3-second wait.
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
    const unlistened = unlistenedIn(event.body, listened);
    if (unlistened) {
      await answerUnlistened(unlistened, args, logger);
      return;
    }
    await route(event);
  };
}
