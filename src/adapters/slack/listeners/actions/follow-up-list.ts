import { tenantOf } from '../../middleware/tenant.js';
import { ButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import { followUpsMessage } from '../support/follow-ups-message.js';
import type { ButtonArgs, SelectArgs } from '../support/listener-args.js';
import { replyWith } from '../support/reply.js';
import { snoozeInputFrom } from '../support/snooze-input.js';
import { timelineMessage } from '../support/timeline-message.js';

/**
 * Clicks in the `/interaction followups` list. The list is ephemeral, so it is refreshed
 * through the response_url (chat.update cannot reach ephemeral messages), with a note saying
 * what the click did. The core checks who may change the follow-up.
 */
export async function onFollowUpListDone(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { i } = decodeValue(ButtonValue.followUp, args.action.value);
  await deps.container.followUps.markDone(tenant.actor, { interactionId: i });
  const message = await followUpsMessage(tenant, deps, ':white_check_mark: Marked done.');
  await replyWith(args.respond)(message, { replace: true });
}

/** Snooze from the list: "tomorrow" is 9:00 where the user is, as from the reminder DM. */
export async function onFollowUpListSnooze(args: SelectArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const now = deps.container.clock.now();
  const input = await snoozeInputFrom(
    args.client,
    tenant.actor.userId,
    args.action.selected_option.value,
    now,
  );
  await deps.container.followUps.snooze(tenant.actor, input);
  const message = await followUpsMessage(tenant, deps, ':zzz: Snoozed.');
  await replyWith(args.respond)(message, { replace: true });
}

/** "Open timeline" from the list: the contact's timeline as a new ephemeral message. */
export async function onFollowUpListTimeline(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { c } = decodeValue(ButtonValue.followUp, args.action.value);
  await replyWith(args.respond)(await timelineMessage(tenant, deps, { k: 'contact', s: c }));
}
