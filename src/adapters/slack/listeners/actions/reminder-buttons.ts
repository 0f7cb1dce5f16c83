import type { BlockAction } from '@slack/bolt';
import type { UseCases } from '../../../../core/use-cases.js';
import { presentContactTimeline } from '../../../../core/views/timeline-view.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { followUpIcs } from '../../../shared/follow-up-ics.js';
import { dateToken } from '../../blocks/interaction-item-blocks.js';
import { timelineToBlocks } from '../../blocks/timeline-blocks.js';
import { isDomainError, userMessageFor } from '../../errors.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { ButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonArgs } from '../support/listener-args.js';
import { reminderAfterAction, updateReminder } from '../support/reminder-update.js';
import { snoozeInputFrom } from '../support/snooze-input.js';

/**
 * F13 reminder DM buttons: Done, Snooze (1 hour / tomorrow 9:00 / next week, in the assignee's
 * Slack timezone), Open the timeline, Add to calendar. Each acks, calls the core and then updates
 * the DM to say what happened; a refused action answers ephemerally. "Log the follow-up" opens
 * the log form, as it does on every surface (follow-up-log.ts).
 */
function reminderButton(work: (args: ButtonArgs, tenant: Tenant, deps: UseCases) => Promise<void>) {
  return async (args: ButtonArgs, slack: SlackDeps): Promise<void> => {
    await args.ack();
    const tenant = tenantOf(args.context);
    try {
      await work(args, tenant, slack.container);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: userMessageFor(error),
      });
    }
  };
}

const where = (body: BlockAction) => ({ channel: body.channel?.id, ts: body.message?.ts });

export const onReminderDone = reminderButton(async ({ action, body, client }, tenant, deps) => {
  const { actor } = tenant;
  const { i } = decodeValue(ButtonValue.followUp, action.value);
  const updated = await deps.followUps.markDone(actor, { interactionId: i });
  const note = `:white_check_mark: Done — marked by <@${actor.userId}>.`;
  const options = personalTime(tenant);
  await updateReminder(
    client,
    where(body),
    reminderAfterAction(updated, deps.clock.now(), options, note, false),
  );
});

/** One handler for the three snooze buttons: the button's value says how long. */
export const onReminderSnooze = reminderButton(async ({ action, body, client }, tenant, deps) => {
  const { actor } = tenant;
  const input = await snoozeInputFrom(client, body.user.id, action.value, deps.clock.now());
  const updated = await deps.followUps.snooze(actor, input);
  const options = personalTime(tenant);
  const until = updated.followUp?.snoozedUntil;
  const note = `:zzz: Snoozed until ${until ? dateToken(until, options) : 'later'}. You will get a new reminder then.`;
  // Still open: Done, Snooze again and Log the follow-up stay on the DM (as on the Teams
  // card), which now shows the new time.
  await updateReminder(
    client,
    where(body),
    reminderAfterAction(updated, deps.clock.now(), options, note, true),
  );
});

export const onReminderOpenTimeline = reminderButton(async ({ action, body, client }, tenant, deps) => {
  const { actor } = tenant;
  const { i, c } = decodeValue(ButtonValue.followUp, action.value);
  const now = deps.clock.now();
  const timeline = await deps.interactions.contactTimeline(actor, { contactId: c, limit: 10 });
  const view = presentContactTimeline(timeline.contact, timeline, actor, now);
  const options = personalTime(tenant);
  const message = timelineToBlocks(view, options);
  const channel = body.channel?.id ?? body.user.id;
  await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  const interaction = await deps.interactions.findInteraction(actor, { id: i });
  const note = ':card_index_dividers: The contact timeline is below.';
  if (interaction)
    await updateReminder(client, where(body), reminderAfterAction(interaction, now, options, note, true));
});

export const onReminderCalendar = reminderButton(async ({ action, body, client, respond }, tenant, deps) => {
  const { actor } = tenant;
  const { i } = decodeValue(ButtonValue.followUp, action.value);
  const interaction = await deps.interactions.findInteraction(actor, { id: i });
  const followUp = interaction?.followUp;
  if (!interaction || !followUp || followUp.status !== 'open') {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'This follow-up is no longer open.',
    });
    return;
  }
  const now = deps.clock.now();
  const file = followUpIcs({
    interactionId: interaction.id,
    contactName: interaction.contactName,
    typeLabel: interaction.type,
    actions: interaction.actions,
    description: interaction.description,
    start: followUp.snoozedUntil ?? followUp.dueAt,
    now,
  });
  const channel = body.channel?.id;
  if (!channel) return;
  await client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(file.content, 'utf8'),
    filename: file.filename,
    title: `Follow-up: ${interaction.contactName}`,
    initial_comment: 'Open this file to add the follow-up to your calendar.',
  });
  const options = personalTime(tenant);
  const note = ':calendar: Calendar file sent below.';
  await updateReminder(client, where(body), reminderAfterAction(interaction, now, options, note, true));
});
