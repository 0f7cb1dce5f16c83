import type { App } from '@slack/bolt';
import { publishHome } from '../../home/publish-home.js';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { oncePerEvent } from './event-dedupe.js';

/** F12: the Home tab is (re)drawn each time the user opens it; the Messages tab needs nothing. */
export function registerHomeEvents(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', oncePerEvent(deps), async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, tenantOf(context), deps);
  });
}
