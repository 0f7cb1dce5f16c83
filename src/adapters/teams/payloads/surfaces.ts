import type { z } from 'zod';
import { messageResponse } from '../actions/responses.js';
import { closeWith } from '../dialogs/index.js';
import { messageResult } from '../message-extensions/index.js';
import { searchResponse } from '../search/index.js';
import { cardActionActivity } from './card-actions.js';
import { dialogOpenActivity, dialogSubmitActivity } from './dialogs.js';
import { anyActivity } from './envelope.js';
import { conversationUpdateActivity, installationUpdateActivity } from './events.js';
import {
  messageExtensionOpenActivity,
  messageExtensionQueryActivity,
  messageExtensionSubmitActivity,
} from './message-extensions.js';
import { messageActivity } from './messages.js';
import { CARD_UNREADABLE, unreadableMessage } from './parse.js';
import { searchActivity } from './search.js';
import { fileConsentActivity, messageSubmitActivity } from './unhandled-invokes.js';

/**
 * Where the person hears that a payload could not be read: inside the invoke's own answer, as a
 * reply in the conversation (a typed message), or nowhere (an event nobody filled in).
 */
export type Refusal =
  | { kind: 'invoke'; body: (referenceId: string, text?: string) => unknown }
  | { kind: 'reply'; text: (referenceId: string) => string }
  | { kind: 'silent' };

export interface Surface {
  schema: z.ZodType;
  refusal: Refusal;
}

// `text` replaces the "could not be read" sentence when the same surface answers another failure.
const inDialog: Refusal = {
  kind: 'invoke',
  body: (ref, text) => closeWith(text ?? unreadableMessage(ref)),
};
const inMessageExtension: Refusal = {
  kind: 'invoke',
  body: (ref, text) => messageResult(text ?? unreadableMessage(ref)),
};
const silent: Refusal = { kind: 'silent' };

const INVOKES: Record<string, Surface> = {
  'task/fetch': { schema: dialogOpenActivity, refusal: inDialog },
  'task/submit': { schema: dialogSubmitActivity, refusal: inDialog },
  'adaptiveCard/action': {
    schema: cardActionActivity,
    refusal: {
      kind: 'invoke',
      body: (ref, text) => messageResponse(text ?? unreadableMessage(ref, CARD_UNREADABLE)),
    },
  },
  'composeExtension/query': { schema: messageExtensionQueryActivity, refusal: inMessageExtension },
  'composeExtension/fetchTask': { schema: messageExtensionOpenActivity, refusal: inMessageExtension },
  'composeExtension/submitAction': { schema: messageExtensionSubmitActivity, refusal: inMessageExtension },
  // A type-ahead list has no room for a sentence: it stays empty, and the log line has the reference.
  'application/search': {
    schema: searchActivity,
    refusal: { kind: 'invoke', body: () => searchResponse([]) },
  },
  'fileConsent/invoke': { schema: fileConsentActivity, refusal: { kind: 'invoke', body: () => ({}) } },
  'message/submitAction': { schema: messageSubmitActivity, refusal: { kind: 'invoke', body: () => ({}) } },
};

const ACTIVITIES: Record<string, Surface> = {
  message: { schema: messageActivity, refusal: { kind: 'reply', text: (ref) => unreadableMessage(ref) } },
  conversationUpdate: { schema: conversationUpdateActivity, refusal: silent },
  installationUpdate: { schema: installationUpdateActivity, refusal: silent },
};

const field = (activity: unknown, key: string): unknown =>
  typeof activity === 'object' && activity !== null ? (activity as Record<string, unknown>)[key] : undefined;

/** The surface an inbound activity belongs to, by its type and invoke name; its envelope otherwise. */
export function surfaceOf(activity: unknown): Surface {
  const type = field(activity, 'type');
  const name = field(activity, 'name');
  if (type === 'invoke' && typeof name === 'string' && Object.hasOwn(INVOKES, name)) {
    return INVOKES[name] as Surface;
  }
  if (typeof type === 'string' && Object.hasOwn(ACTIVITIES, type)) return ACTIVITIES[type] as Surface;
  // Invokes have a body to answer with; a bare 200 tells Teams the request was taken.
  return { schema: anyActivity, refusal: type === 'invoke' ? { kind: 'invoke', body: () => ({}) } : silent };
}
