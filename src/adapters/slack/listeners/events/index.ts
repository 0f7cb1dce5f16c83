import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { oncePerEvent } from './event-dedupe.js';
import { onHomeOpened } from './home-opened.js';
import { onAppUninstalled, onTokensRevoked } from './uninstall.js';

/** Each event is handled once per event id, though Slack may deliver it again (oncePerEvent). */
export function registerEventListeners(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', oncePerEvent(deps), (args) => onHomeOpened(args, deps));
  app.event('app_uninstalled', oncePerEvent(deps), (args) => onAppUninstalled(args, deps));
  app.event('tokens_revoked', oncePerEvent(deps), (args) => onTokensRevoked(args, deps));
}
