import type { Button, KnownBlock, HomeView as SlackHomeView, StaticSelect } from '@slack/types';
import type { FollowUpView } from '../../../core/views/follow-up-view.js';
import type { HomeView } from '../../../core/views/home-view.js';
import { ActionId, BlockId, ItemActionPrefix, itemActionId } from '../ids.js';
import { ButtonValue, encodeValue, type SnoozePeriod } from '../payloads/action-values.js';
import {
  actions,
  BlockBudget,
  button,
  context,
  header,
  option,
  plural,
  type RenderOptions,
  section,
} from './block-kit.js';
import { dateToken, label, typeBadge } from './interaction-item-blocks.js';
import { fillItems } from './item-list.js';
import { escapeAndTruncate, LIMITS } from './limits.js';

/** Views have no msg_blocks_too_long, but a 250 kB cap: this keeps far below it. */
const HOME_TEXT_BUDGET = 60_000;
/** Per follow-up section, so a long overdue list still leaves room for the rest of the home. */
const FOLLOW_UPS_SHOWN = 10;
const SUMMARY_PREVIEW = 150;

export const SNOOZE_CHOICES: readonly { period: SnoozePeriod; label: string }[] = [
  { period: '1h', label: 'Snooze 1 hour' },
  { period: 'tomorrow', label: 'Snooze until tomorrow' },
  { period: 'nextWeek', label: 'Snooze until next week' },
];

function followUpEntry(followUp: FollowUpView, options: RenderOptions): KnownBlock[] {
  const id = followUp.interactionId;
  const due = followUp.overdue
    ? `:warning: overdue since ${dateToken(followUp.dueAt, options)}`
    : `due ${dateToken(followUp.dueAt, options)}`;
  const lines = [
    `*${label(followUp.contactName)}* · ${typeBadge(followUp.typeLabel)} ${label(followUp.typeLabel)} · ${due}`,
  ];
  const summary = escapeAndTruncate(followUp.summary.trim(), SUMMARY_PREVIEW).text;
  if (summary) lines.push(summary);
  const ref = encodeValue(ButtonValue.followUp, { i: id, c: followUp.contactId });
  const snooze: StaticSelect = {
    type: 'static_select',
    action_id: itemActionId(ItemActionPrefix.followUpSnoozeSelect, id),
    placeholder: { type: 'plain_text', text: 'Snooze…' },
    options: SNOOZE_CHOICES.map(({ period, label }) =>
      option(label, encodeValue(ButtonValue.snooze, { i: id, p: period }, LIMITS.optionValue)),
    ),
  };
  return [
    section(lines.join('\n'), { block_id: BlockId.homeFollowUp(id) }),
    actions(BlockId.homeFollowUpActions(id), [
      button('Done', itemActionId(ItemActionPrefix.followUpDone, id), ref, 'primary'),
      snooze,
      button('Log the follow-up', itemActionId(ItemActionPrefix.followUpLog, id), ref),
      button('Open timeline', itemActionId(ItemActionPrefix.followUpOpenTimeline, id), ref),
    ]),
  ];
}

function addFollowUps(
  budget: BlockBudget,
  title: string,
  followUps: readonly FollowUpView[],
  options: RenderOptions,
): void {
  if (followUps.length === 0) return;
  budget.add([section(`${title} (${followUps.length})`)]);
  let shown = 0;
  for (const followUp of followUps.slice(0, FOLLOW_UPS_SHOWN)) {
    if (!budget.tryAdd(followUpEntry(followUp, options), { blocks: 12, text: 2000 })) break;
    shown++;
  }
  if (shown < followUps.length) {
    budget.add([context([`${followUps.length - shown} more: \`/interaction followups\` lists them all`])]);
  }
}

/** F12 App Home: quick actions, my overdue then upcoming follow-ups, my recent interactions. */
export function homeToView(view: HomeView, options: RenderOptions): SlackHomeView {
  const budget = new BlockBudget(LIMITS.viewBlocks, HOME_TEXT_BUDGET);
  const quick: Button[] = [];
  if (view.canLog) quick.push(button('Log interaction', ActionId.logInteraction, undefined, 'primary'));
  quick.push(button('Search interactions', ActionId.homeSearch));
  budget.add([header('Interaction log'), actions(BlockId.homeActions, quick)]);

  budget.add([header('Your follow-ups')]);
  addFollowUps(budget, ':warning: *Overdue*', view.overdue, options);
  addFollowUps(budget, ':alarm_clock: *Coming up*', view.upcoming, options);
  if (view.overdue.length + view.upcoming.length === 0) {
    budget.add([context(['No open follow-ups. :tada:'])]);
  }

  budget.add([{ type: 'divider' }, header('Your recent interactions')]);
  if (view.recent.length === 0) {
    budget.add([context(["You haven't logged any interaction yet."])]);
  } else {
    const itemOptions = { ...options, showContact: true, canLog: view.canLog };
    const filled = fillItems(budget, view.recent, {}, itemOptions, { blocks: 1, text: 200 });
    if (filled.shown < view.recent.length) {
      budget.add([context([`Showing your ${plural(filled.shown, 'latest interaction')}`])]);
    }
  }
  return { type: 'home', blocks: budget.blocks };
}
