import type { KnownBlock, StaticSelect } from '@slack/types';
import type { FollowUpListView } from '../../../core/views/follow-up-list-view.js';
import type { FollowUpView } from '../../../core/views/follow-up-view.js';
import { ItemActionPrefix, itemActionId, ResultBlockId } from '../ids.js';
import { ButtonValue, encodeValue } from '../payloads/action-values.js';
import {
  actions,
  BlockBudget,
  button,
  context,
  header,
  option,
  type RenderOptions,
  type SlackMessage,
  section,
} from './block-kit.js';
import { SNOOZE_CHOICES } from './home-view.js';
import { dateToken, label, typeBadge } from './interaction-item-blocks.js';
import { escapeAndTruncate, LIMITS } from './limits.js';

/** The most follow-ups shown in the message; two blocks each keeps this well inside 50 blocks. */
const FOLLOW_UPS_MAX = 20;
const SUMMARY_PREVIEW = 200;

function entry(followUp: FollowUpView, options: RenderOptions): KnownBlock[] {
  const id = followUp.interactionId;
  const due = followUp.overdue
    ? `:warning: overdue since ${dateToken(followUp.dueAt, options)}`
    : `due ${dateToken(followUp.dueAt, options)}`;
  let title = `*${label(followUp.contactName)}* · ${typeBadge(followUp.typeLabel)} ${label(followUp.typeLabel)} · ${due}`;
  if (followUp.important) title += '  :exclamation:';
  const summary = escapeAndTruncate(followUp.summary.trim(), SUMMARY_PREVIEW).text;
  const ref = encodeValue(ButtonValue.followUp, { i: id, c: followUp.contactId });
  const snooze: StaticSelect = {
    type: 'static_select',
    action_id: itemActionId(ItemActionPrefix.followUpSnoozeSelect, id),
    placeholder: { type: 'plain_text', text: 'Snooze…' },
    options: SNOOZE_CHOICES.map(({ period, label: text }) =>
      option(text, encodeValue(ButtonValue.snooze, { i: id, p: period }, LIMITS.optionValue)),
    ),
  };
  return [
    section(summary ? `${title}\n${summary}` : title, { block_id: ResultBlockId.followUpListItem(id) }),
    actions(ResultBlockId.followUpListActions(id), [
      button('Done', itemActionId(ItemActionPrefix.followUpDone, id), ref, 'primary'),
      snooze,
      button('Log the follow-up', itemActionId(ItemActionPrefix.followUpLog, id), ref),
      button('Open timeline', itemActionId(ItemActionPrefix.followUpOpenTimeline, id), ref),
    ]),
  ];
}

/** The follow-up list as the core presented it, at most FOLLOW_UPS_MAX rows within Slack's budget. */
export function followUpListToBlocks(
  list: FollowUpListView,
  options: RenderOptions,
  note?: string,
): SlackMessage {
  const views = list.items.slice(0, FOLLOW_UPS_MAX);
  const { overdue } = list;
  const budget = new BlockBudget(LIMITS.messageBlocks, LIMITS.messageTextBudget);
  const open = list.items.length.toLocaleString('en-US');
  budget.add([header(`Your follow-ups · ${open} open`)]);
  const summary = overdue > 0 ? [`:warning: ${overdue.toLocaleString('en-US')} overdue`] : [];
  if (note) summary.unshift(note);
  if (summary.length > 0) budget.add([context([summary.join(' · ')])]);
  if (views.length === 0) budget.add([section('No open follow-ups. :tada:')]);
  let shown = 0;
  for (const view of views) {
    if (!budget.tryAdd(entry(view, options), { blocks: 1, text: 200 })) break;
    shown++;
  }
  if (shown < list.items.length || list.more) {
    budget.add([context([`Showing ${shown}. Mark some done to see the rest.`])]);
  }
  const text = `Your follow-ups: ${open} open${overdue > 0 ? `, ${overdue} overdue` : ''}`;
  return { text, blocks: budget.blocks };
}
