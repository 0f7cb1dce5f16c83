import type { KnownBlock } from '@slack/types';
import type { FollowUpView } from '../../../core/views/follow-up-view.js';
import { ActionId, BlockId, ItemActionPrefix, itemActionId } from '../ids.js';
import { ButtonValue, encodeValue } from '../payloads/action-values.js';
import {
  actions,
  button,
  context,
  mention,
  type RenderOptions,
  type SlackMessage,
  section,
} from './block-kit.js';
import { dateToken, label, tagsLine, typeBadge } from './interaction-item-blocks.js';
import { escapeAndTruncate } from './limits.js';

/** A DM has room for what was agreed in full, up to a readable length. */
const SUMMARY_MAX = 2000;

/** The core decided whether the reminder is due now or overdue; this only words it. */
function dueText(view: FollowUpView, options: RenderOptions): string {
  const when = dateToken(view.dueAt, options);
  if (view.overdue) return `:warning: *Overdue* since ${when}`;
  if (view.dueNow) return `*Due now* (${when})`;
  return `Due ${when}`;
}

/**
 * F13 reminder DM to the assignee: the contact, what was agreed, who logged it and when, and
 * Done / Snooze (1 hour, tomorrow, next week) / Log the follow-up / Open the timeline / Add to
 * calendar. A reminder delivered after its time says so.
 */
export function followUpReminderBlocks(view: FollowUpView, options: RenderOptions): SlackMessage {
  const id = view.interactionId;
  const contact = label(view.contactName);
  let title = `:alarm_clock: *Follow-up: ${contact}*`;
  if (view.important) title += '  :exclamation: *Important*';
  const due = `${dueText(view, options)}${view.late ? ' _(reminder sent late)_' : ''}`;
  const blocks: KnownBlock[] = [section(`${title}\n${due}`)];

  const summary = escapeAndTruncate(view.summary.trim(), SUMMARY_MAX).text;
  if (summary) blocks.push(section(summary));

  const logged = [
    `${typeBadge(view.typeLabel)} ${label(view.typeLabel)}`,
    `logged by ${mention(view.authorId, view.authorName.slice(0, 100))}`,
    dateToken(view.loggedAt, options),
  ];
  if (view.actions.length > 0) logged.push(tagsLine(view.actions));
  blocks.push(context([logged.join(' · ')]));

  const ref = encodeValue(ButtonValue.followUp, { i: id, c: view.contactId });
  const snooze = (p: '1h' | 'tomorrow' | 'nextWeek') => encodeValue(ButtonValue.snooze, { i: id, p });
  blocks.push(
    actions(BlockId.followUpActions, [
      button('Done', itemActionId(ItemActionPrefix.followUpDone, id), ref, 'primary'),
      button('Snooze 1 hour', ActionId.followUpSnooze1h, snooze('1h')),
      button('Tomorrow', ActionId.followUpSnoozeTomorrow, snooze('tomorrow')),
      button('Next week', ActionId.followUpSnoozeNextWeek, snooze('nextWeek')),
      button('Log the follow-up', itemActionId(ItemActionPrefix.followUpLog, id), ref),
      button('Open the timeline', itemActionId(ItemActionPrefix.followUpOpenTimeline, id), ref),
      button('Add to calendar', ActionId.followUpCalendar, ref),
    ]),
  );
  return { text: `Follow-up reminder: ${contact}`, blocks };
}
