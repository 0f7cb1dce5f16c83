import { channelTarget } from '../../blocks/filter-form.js';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { listValueOf, messageOf, timelineValueOf } from '../support/action-support.js';
import { listMessage } from '../support/list-message.js';
import type { ButtonArgs } from '../support/listener-args.js';
import { openFilterForm, openLogForm } from '../support/open-forms.js';
import { replyWith } from '../support/reply.js';
import { timelineMessage } from '../support/timeline-message.js';

type Direction = 'older' | 'newer';

/**
 * Older / Newer under a timeline: the next page replaces the message in place, through the
 * click's response_url (works for ephemeral and posted messages alike).
 */
export function onTimelinePage(direction: Direction) {
  return async (args: ButtonArgs, deps: SlackDeps): Promise<void> => {
    await args.ack();
    const tenant = tenantOf(args.context);
    const { ref, cursor } = timelineValueOf(args.action.value);
    const message = await timelineMessage(tenant, deps, ref, cursor ? { cursor, direction } : {});
    await replyWith(args.respond)(message, { replace: true });
  };
}

/** A match chosen in the "several contacts match" picker: its timeline replaces the picker. */
export async function onTimelinePick(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { ref } = timelineValueOf(args.action.value);
  await replyWith(args.respond)(await timelineMessage(tenant, deps, ref), { replace: true });
}

/** Older / Newer under a list: same query, next page, in place. */
export function onListPage(direction: Direction) {
  return async (args: ButtonArgs, deps: SlackDeps): Promise<void> => {
    await args.ack();
    const tenant = tenantOf(args.context);
    const { cursor, ...query } = listValueOf(args.action.value);
    const message = await listMessage(tenant, deps, query, cursor ? { cursor, direction } : {});
    await replyWith(args.respond)(message, { replace: true });
  };
}

/** "Log interaction" under a contact's timeline: the log form with that contact preselected. */
export async function onTimelineLog(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { ref } = timelineValueOf(args.action.value);
  const { channelId } = messageOf(args.body);
  await openLogForm(args.client, args.body.trigger_id, tenant, deps, {
    contactIds: ref.k === 'contact' ? [ref.s] : [],
    ...(channelId ? { channelId } : {}),
  });
}

/** "Log interaction" under a list or the help: the log form, nothing preselected. */
export async function onLogFromResult(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const { channelId } = messageOf(args.body);
  await openLogForm(args.client, args.body.trigger_id, tenantOf(args.context), deps, {
    ...(channelId ? { channelId } : {}),
  });
}

/** "Refine filters": the filter form, filled with the list's query; its submission replaces the list. */
export async function onListRefine(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { cursor: _page, ...query } = listValueOf(args.action.value);
  const { channelId } = messageOf(args.body);
  const responseUrl = args.body.response_url;
  await openFilterForm(args.client, args.body.trigger_id, tenant, deps, {
    target: {
      ...(responseUrl ? { ru: responseUrl, r: 1 as const } : {}),
      ...channelTarget(channelId),
    },
    query,
  });
}
