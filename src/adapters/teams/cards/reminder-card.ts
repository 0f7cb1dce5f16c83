import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { SNOOZE_CHOICES } from '../../../core/followups/follow-up.schemas.js';
import type { FollowUpView } from '../../../core/views/follow-up-view.js';
import type { TimeOptions } from '../../../core/workspaces/personal-time.js';
import { Dialog, FOLLOW_UP_OF_KEY, Verb } from '../ids.js';
import { userText } from '../limits.js';
import {
  actionSet,
  adaptiveCard,
  type CardRenderOptions,
  execute,
  facts,
  formatWhen,
  logDialogFor,
  openDialog,
  subtle,
  text,
} from './card-kit.js';

/**
 * F13 reminder DM: what is due, about whom, what was agreed; Done / Snooze / Log the follow-up
 * / Open the timeline. Once done, the same card comes back without the buttons (updated in place).
 */
export function reminderCard(
  view: FollowUpView,
  options: CardRenderOptions & Pick<TimeOptions, 'zoneLabel'>,
): IAdaptiveCard {
  const id = view.interactionId;
  // The zone is named only when these are not the reader's own times (core: personal-time).
  const when = (date: Date) =>
    `${formatWhen(date, options)}${options.zoneLabel ? ` (${options.zoneLabel})` : ''}`;
  const headline =
    view.status === 'done'
      ? `✅ Follow-up done: ${userText(view.contactName, 100)}`
      : `⏰ Follow-up${view.overdue ? ' overdue' : view.dueNow ? ' due now' : ''}: ${userText(view.contactName, 100)}`;
  const body = [
    text(headline, { size: 'Medium', weight: 'Bolder' }),
    ...(view.late ? [subtle('⌛ Sent late: the bot was offline when this reminder was due.')] : []),
    facts([
      { title: 'Due', value: `${when(view.dueAt)}${view.snoozed ? ' (snoozed)' : ''}` },
      {
        title: 'About',
        value: `${userText(view.typeLabel, 60)} on ${when(view.loggedAt)} by ${userText(view.authorName, 80)}`,
      },
      ...(view.actions.length > 0
        ? [{ title: 'Actions', value: view.actions.map((tag) => userText(tag, 60)).join(', ') }]
        : []),
      ...(view.important ? [{ title: 'Importance', value: 'High' }] : []),
    ]),
    ...(view.summary ? [text(userText(view.summary, 1_000), { maxLines: 10 })] : []),
  ];
  // A new message: the reminder card stays where it is.
  const timeline = execute('Open timeline', Verb.timelineOpen, {
    ref: { k: 'contact', s: view.contactId },
    asNew: true,
  });
  if (view.status !== 'open') return adaptiveCard(body, [timeline]);
  // Two rows: what to do about it, and when to be reminded again (a set holds 5 actions).
  const snoozes = actionSet(
    SNOOZE_CHOICES.map((snooze) => execute(snooze.title, Verb.followUpSnooze, { id, preset: snooze.preset })),
  );
  return adaptiveCard(
    [...body, snoozes],
    [
      execute('Done', Verb.followUpDone, { id }, { style: 'positive' }),
      openDialog(
        'Log follow-up',
        Dialog.log,
        logDialogFor([{ id: view.contactId, name: view.contactName }], { [FOLLOW_UP_OF_KEY]: id }),
      ),
      timeline,
    ],
  );
}
