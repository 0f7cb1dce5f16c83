import { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { newReferenceId } from '../errors.js';
import { answerWhereItCameFrom } from './answers.js';
import type { CallbackIds, ElementIds, ListenedIds } from './listened-ids.js';
import { optionsSurface } from './options.js';
import type { AnswerArgs } from './parse-payload.js';
import { globalShortcutSurface } from './shortcuts.js';
import { viewSubmissionSurface } from './views.js';

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

const viewPayload = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  view: z.looseObject({ callback_id: z.string() }),
});
const shortcutPayload = z.looseObject({
  type: z.enum(['shortcut', 'message_action']),
  callback_id: z.string(),
});

/** The callback a parsed form or shortcut names: Bolt routes views and shortcuts on it. */
function callbackIdsOf(body: unknown): CallbackIds | undefined {
  const view = viewPayload.safeParse(body);
  if (view.success) return { type: view.data.type, callbackId: view.data.view.callback_id };
  const shortcut = shortcutPayload.safeParse(body);
  if (shortcut.success) return { type: shortcut.data.type, callbackId: shortcut.data.callback_id };
  return undefined;
}

interface Unlistened {
  surface: string;
  id: string;
  answer(args: AnswerArgs, referenceId: string): Promise<void>;
}

/**
 * What a parsed request names that no listener matches, with how to answer it on its own
 * surface; undefined when a listener will take it. A form is answered in the modal itself (a
 * view_submission ack may carry `response_action: update`), a shortcut as an unreadable one is,
 * a close only acknowledged: the modal is gone and there is no one to tell.
 */
export function unlistenedIn(body: unknown, listened: ListenedIds): Unlistened | undefined {
  const element = elementIdsOf(body);
  if (element) {
    if (element.type === 'block_suggestion') {
      if (listened.hasOptions(element)) return undefined;
      return { surface: element.type, id: element.actionId, answer: optionsSurface.answer };
    }
    if (listened.hasAction(element)) return undefined;
    return {
      surface: element.type,
      id: element.actionId,
      answer: (args, referenceId) => answerWhereItCameFrom(args, UNSUPPORTED_BUTTON, referenceId),
    };
  }
  const callback = callbackIdsOf(body);
  if (!callback || listened.hasCallback(callback)) return undefined;
  const answer =
    callback.type === 'view_submission'
      ? viewSubmissionSurface.answer
      : callback.type === 'view_closed'
        ? (args: AnswerArgs) => args.ack()
        : globalShortcutSurface.answer;
  return { surface: callback.type, id: callback.callbackId, answer };
}

/**
 * A click, search, form or shortcut whose ids no listener matches (a forged payload, or an
 * element of an old message whose listener is gone): acknowledged at once and answered as an
 * unreadable payload would be, one log line with the reference the person reads.
 */
export async function answerUnlistened(
  unlistened: Unlistened,
  args: AnswerArgs,
  logger: Logger,
): Promise<void> {
  const referenceId = newReferenceId();
  logger.warn('A Slack request names an element or form no listener handles; the person was told', {
    referenceId,
    surface: unlistened.surface,
    id: unlistened.id.slice(0, 100),
  });
  try {
    await unlistened.answer(args, referenceId);
  } catch (error) {
    logger.warn('Could not tell the person their request is not handled', {
      referenceId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
