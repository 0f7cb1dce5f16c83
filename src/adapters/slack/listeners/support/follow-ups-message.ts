import { FOLLOW_UP_LIST_QUERY, presentFollowUpList } from '../../../../core/views/follow-up-list-view.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import type { SlackMessage } from '../../blocks/block-kit.js';
import { followUpListToBlocks } from '../../blocks/follow-up-list-blocks.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/**
 * `/interaction followups`: every open follow-up of mine, overdue first, as the core decides
 * for Slack and Teams alike (follow-up-list-view.ts), each with Done / Snooze / Log / Open
 * timeline. `note` says what a click just did.
 */
export async function followUpsMessage(
  tenant: Tenant,
  deps: SlackDeps,
  note?: string,
): Promise<SlackMessage> {
  const { container } = deps;
  const { actor } = tenant;
  const items = await container.followUps.listMyFollowUps(actor, FOLLOW_UP_LIST_QUERY);
  const list = presentFollowUpList(actor, items, container.clock.now());
  return followUpListToBlocks(list, personalTime(tenant), note);
}
