import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerContactSuggestions } from './contact-suggestions.js';

export function registerOptionListeners(app: App, deps: SlackDeps): void {
  registerContactSuggestions(app, deps);
}
