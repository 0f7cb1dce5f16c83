import type { WebClient } from '@slack/web-api';
import { presentHome } from '../../../../core/views/home-view.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { homeToView } from '../../blocks/home-view.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/** Open follow-ups read for the Home tab; the renderer shows 10 per section and counts the rest. */
const HOME_FOLLOW_UPS = 50;
const HOME_RECENT = 10;

/**
 * F12: builds and publishes the App Home of `tenant.actor` — their open and overdue follow-ups,
 * their latest interactions, quick actions. Every write path calls this after its write, so it
 * never throws: a Home refresh failure is logged and must not fail the user's write.
 */
export async function publishHome(client: WebClient, tenant: Tenant, deps: SlackDeps): Promise<void> {
  const { container } = deps;
  const { actor } = tenant;
  try {
    const [followUps, recent] = await Promise.all([
      container.followUps.listMyFollowUps(actor, { scope: 'open', limit: HOME_FOLLOW_UPS }),
      container.interactions.listInteractions(actor, {
        filter: { authorIds: [actor.userId] },
        sort: 'date',
        limit: HOME_RECENT,
      }),
    ]);
    const view = presentHome(actor, { followUps, recent: recent.items }, container.clock.now());
    await client.views.publish({ user_id: actor.userId, view: homeToView(view, personalTime(tenant)) });
  } catch (error) {
    container.logger.warn('Could not publish the App Home', {
      workspaceId: tenant.workspace.id,
      userId: actor.userId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
