import type { App } from '@slack/bolt';
import { InteractionFormField } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { suggestContacts } from './contacts.js';

/** Type-ahead menus outside a form of their own (the merge and time zone pickers sit with their forms in views/). */
export function registerOptionListeners(app: App, deps: SlackDeps): void {
  app.options<'block_suggestion'>(
    { action_id: InteractionFormField.contacts.actionId, type: 'block_suggestion' },
    (args) => suggestContacts(args, deps),
  );
}
