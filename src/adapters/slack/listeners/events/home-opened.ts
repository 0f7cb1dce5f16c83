import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { publishHome } from '../support/publish-home.js';

/** F12: the Home tab is (re)drawn each time the user opens it; the Messages tab needs nothing. */
type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export async function onHomeOpened(
  { event, client, context }: HomeOpenedArgs,
  deps: SlackDeps,
): Promise<void> {
  if (event.tab !== 'home') return;
  await publishHome(client, tenantOf(context), deps);
}
