import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerContactViews } from './contact-views.js';
import { registerFilterViews } from './filter-views.js';
import { registerInteractionViews } from './interaction-views.js';
import { registerSettingsViews } from './settings-views.js';

export function registerViewListeners(app: App, deps: SlackDeps): void {
  registerInteractionViews(app, deps); // log, edit, delete confirm
  registerContactViews(app, deps); // contact add/edit, CSV import
  registerFilterViews(app, deps); // list/export filter form
  registerSettingsViews(app, deps); // admin settings
}
