import type { KnownBlock, StaticSelect } from '@slack/types';
import { type FollowUpView, hasFollowUp, presentFollowUp } from '../../../core/views/follow-up-view.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import { escapeAndTruncate, LIMITS } from '../blocks/limits.js';
import { ItemActionPrefix, itemActionId, ResultBlockId } from '../ids.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
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
} from '../views/blocks.js';
import { SNOOZE_CHOICES } from '../views/home-view.js';
import { dateToken, label, typeBadge } from '../views/interaction-item-blocks.js';

/** The most follow-ups read for the message; two blocks each keeps this well inside 50 blocks. */
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

/**
 * `/interaction followups`: my open follow-ups due by the end of today (overdue first, as the
 * core orders them), each with Done / Snooze / Open timeline. `note` says what a click just did.
 */
export async function followUpsMessage(
  tenant: Tenant,
  deps: SlackDeps,
  note?: string,
): Promise<SlackMessage> {
  const { container } = deps;
  const now = container.clock.now();
  const items = await container.followUps.listMyFollowUps(tenant.actor, {
    scope: 'due',
    limit: FOLLOW_UPS_MAX,
  });
  const views = items.filter(hasFollowUp).map((interaction) => presentFollowUp(interaction, now));
  const options = personalTime(tenant);
  const overdue = views.filter((view) => view.overdue).length;

  const budget = new BlockBudget(LIMITS.messageBlocks, LIMITS.messageTextBudget);
  const due = views.length.toLocaleString('en-US');
  budget.add([header(`Your follow-ups · ${due} due`)]);
  const summary = overdue > 0 ? [`:warning: ${overdue.toLocaleString('en-US')} overdue`] : [];
  if (note) summary.unshift(note);
  if (summary.length > 0) budget.add([context([summary.join(' · ')])]);
  if (views.length === 0) budget.add([section('Nothing due today or overdue. :tada:')]);
  let shown = 0;
  for (const view of views) {
    if (!budget.tryAdd(entry(view, options), { blocks: 1, text: 200 })) break;
    shown++;
  }
  if (shown < views.length || items.length >= FOLLOW_UPS_MAX) {
    budget.add([context([`Showing ${shown}. Mark some done to see the rest.`])]);
  }
  const text = `Your follow-ups: ${due} due${overdue > 0 ? `, ${overdue} overdue` : ''}`;
  return { text, blocks: budget.blocks };
}
