import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerFollowUpActions } from './follow-up-actions.js';
import { registerHomeActions } from './home-actions.js';
import { registerInteractionItemActions } from './interaction-item-actions.js';
import { registerLogFormActions } from './log-form-actions.js';
import { registerResultActions } from './result-actions.js';

export function registerActionListeners(app: App, deps: SlackDeps): void {
  registerResultActions(app, deps); // timeline/list paging, export button, refine
  registerInteractionItemActions(app, deps); // item overflow: edit, delete, log follow-up, show more
  registerLogFormActions(app, deps); // in-modal dispatch (type → visit address)
  registerHomeActions(app, deps); // App Home buttons
  registerFollowUpActions(app, deps); // reminder DM buttons
}
