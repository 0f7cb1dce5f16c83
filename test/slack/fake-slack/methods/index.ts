import { chatMethods } from './chat.js';
import { conversationsMethods } from './conversations.js';
import { filesMethods } from './files.js';
import type { MethodHandler } from './registry.js';
import { usersMethods } from './users.js';
import { viewsMethods } from './views.js';

/** Every Web API method the fake serves; anything else answers unknown_method. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...chatMethods,
  ...viewsMethods,
  ...usersMethods,
  ...conversationsMethods,
  ...filesMethods,
};
