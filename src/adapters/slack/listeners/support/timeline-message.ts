import type { Contact } from '../../../../core/contacts/contact.js';
import type { PageRequest } from '../../../../core/queries/query-deps.js';
import { loadTimelineView, type TimelineRef } from '../../../../core/queries/timeline-subject.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import type { SlackMessage } from '../../blocks/block-kit.js';
import { timelineToBlocks } from '../../blocks/timeline-blocks.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/** F8/F9: one page of a contact's or an organisation's timeline as a message. */
export async function timelineMessage(
  tenant: Tenant,
  deps: SlackDeps,
  ref: TimelineRef,
  page: PageRequest = {},
  known?: Contact,
): Promise<SlackMessage> {
  const view = await loadTimelineView(tenant, deps, ref, page, known);
  return timelineToBlocks(view, personalTime(tenant));
}
