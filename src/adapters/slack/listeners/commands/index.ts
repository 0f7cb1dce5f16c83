import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerInteractionCommand } from './interaction-command.js';

export function registerCommandListeners(app: App, deps: SlackDeps): void {
  registerInteractionCommand(app, deps);
}
