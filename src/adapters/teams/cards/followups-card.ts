import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import { SNOOZE_CHOICES } from '../../../core/followups/follow-up.schemas.js';
import type { FollowUpListView } from '../../../core/views/follow-up-list-view.js';
import type { FollowUpView } from '../../../core/views/follow-up-view.js';
import { Dialog, FOLLOW_UP_OF_KEY, Verb } from '../ids.js';
import { userText } from '../limits.js';
import {
  actionSet,
  adaptiveCard,
  type CardRenderOptions,
  execute,
  formatWhen,
  logDialogFor,
  openDialog,
  plural,
  subtle,
  text,
} from './card-kit.js';

/** Follow-ups shown in the `followups` card; the rest are counted. */
export const FOLLOW_UPS_SHOWN = 10;

function row(view: FollowUpView, options: CardRenderOptions): CardElement[] {
  const when = formatWhen(view.dueAt, options);
  return [
    text(`${view.overdue ? '🔴 Overdue' : '⏰'} **${userText(view.contactName, 100)}** · ${when}`, {
      separator: true,
    }),
    ...(view.summary ? [subtle(userText(view.summary, 200))] : []),
    // The same choices as the reminder DM (and as Slack's list): done, log it, snooze it.
    actionSet([
      execute('Done', Verb.followUpDone, { id: view.interactionId, list: true }, { style: 'positive' }),
      openDialog(
        'Log follow-up',
        Dialog.log,
        logDialogFor([{ id: view.contactId, name: view.contactName }], {
          [FOLLOW_UP_OF_KEY]: view.interactionId,
        }),
      ),
      execute('Timeline', Verb.timelineOpen, { ref: { k: 'contact', s: view.contactId }, asNew: true }),
    ]),
    actionSet(
      SNOOZE_CHOICES.map((snooze) =>
        execute(snooze.title, Verb.followUpSnooze, {
          id: view.interactionId,
          preset: snooze.preset,
          list: true,
        }),
      ),
    ),
  ];
}

/**
 * F12 `followups`: the caller's open follow-ups as the core lists them for both platforms
 * (overdue first, then upcoming), each with Done / Log follow-up / Timeline and the snoozes;
 * Done and Snooze refresh this card.
 */
export function followUpsCard(list: FollowUpListView, options: CardRenderOptions): IAdaptiveCard {
  const open = list.items;
  if (open.length === 0) return adaptiveCard([text('No open follow-ups. 🎉', { weight: 'Bolder' })]);
  const shown = open.slice(0, FOLLOW_UPS_SHOWN);
  const { overdue } = list;
  const rest = open.length - shown.length;
  return adaptiveCard([
    text('Your follow-ups', { size: 'Medium', weight: 'Bolder' }),
    subtle(`${plural(open.length, 'open follow-up')}${overdue > 0 ? `, ${overdue} overdue` : ''}`),
    ...shown.flatMap((view) => row(view, options)),
    ...(rest > 0 || list.more ? [subtle(rest > 0 ? `…and ${rest} more.` : '…and maybe more.')] : []),
  ]);
}
