import type { App } from '@slack/bolt';
import { registerActionListeners } from './actions/index.js';
import { registerCommandListeners } from './commands/index.js';
import type { SlackDeps } from './deps.js';
import { registerEventListeners } from './events/index.js';
import { registerOptionListeners } from './options/index.js';
import { registerShortcutListeners } from './shortcuts/index.js';
import { registerViewListeners } from './views/index.js';

export type { SlackDeps } from './deps.js';

/** Each surface registers its own listeners; dependencies are passed in so tests can build the app whole. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommandListeners(app, deps);
  registerActionListeners(app, deps);
  registerViewListeners(app, deps);
  registerShortcutListeners(app, deps);
  registerOptionListeners(app, deps);
  registerEventListeners(app, deps);
}
