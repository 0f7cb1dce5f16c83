import { BlockId } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { ButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonArgs } from '../support/listener-args.js';
import { openLogForm } from '../support/open-forms.js';

/**
 * "Log the follow-up", wherever it shows (the reminder DM, the App Home, the follow-ups list):
 * the standard log form, prefilled with the contact and carrying the follow-up, so that
 * logging closes it. Whether it may be closed is the core's decision, at submission.
 */
export async function onLogFollowUp(
  { ack, body, action, client, context }: ButtonArgs,
  deps: SlackDeps,
): Promise<void> {
  await ack();
  const { i, c } = decodeValue(ButtonValue.followUp, action.value);
  const channelId = body.channel?.id;
  // From the reminder DM itself: that message is updated once the follow-up is logged.
  const reminderTs = action.block_id === BlockId.followUpActions ? body.message?.ts : undefined;
  await openLogForm(client, body.trigger_id, tenantOf(context), deps, {
    contactIds: [c],
    closesFollowUpOf: i,
    ...(channelId ? { channelId } : {}),
    ...(reminderTs ? { reminderTs } : {}),
  });
}
