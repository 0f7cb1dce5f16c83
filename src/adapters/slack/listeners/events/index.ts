import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerHomeEvents } from './home-events.js';
import { registerLifecycleEvents } from './lifecycle-events.js';

export function registerEventListeners(app: App, deps: SlackDeps): void {
  registerHomeEvents(app, deps); // app_home_opened
  registerLifecycleEvents(app, deps); // app_uninstalled, tokens_revoked
}
