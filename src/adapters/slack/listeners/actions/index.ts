import type { App, BlockAction, ButtonAction, OverflowAction, StaticSelectAction } from '@slack/bolt';
import {
  ActionId,
  ActionIdPattern,
  BlockId,
  ContactActionId,
  HomeBlockIdPattern,
  InteractionFormField,
  LoggedActionPattern,
  LoggedBlockId,
  ResultActionId,
  ResultBlockIdPattern,
} from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonArgs, SelectArgs } from '../support/listener-args.js';
import { onContactEdit, onContactLog, onContactMerge, onContactTimeline } from './contact-buttons.js';
import { onExportToDm, onListExport, onTimelineExport } from './export.js';
import { onFollowUpListDone, onFollowUpListSnooze, onFollowUpListTimeline } from './follow-up-list.js';
import { onLogFollowUp } from './follow-up-log.js';
import {
  onHomeFollowUpDone,
  onHomeFollowUpSnooze,
  onHomeFollowUpTimeline,
  onHomeLog,
  onHomeSearch,
} from './home.js';
import { onItemMenu, onItemShowMore, onLoggedOpenTimeline } from './interaction-items.js';
import { onLogFormTypeChosen } from './log-form-type.js';
import {
  onListPage,
  onListRefine,
  onLogFromResult,
  onTimelineLog,
  onTimelinePage,
  onTimelinePick,
} from './paging.js';
import {
  onReminderCalendar,
  onReminderDone,
  onReminderOpenTimeline,
  onReminderSnooze,
} from './reminder-buttons.js';

type ButtonHandler = (args: ButtonArgs, deps: SlackDeps) => Promise<void>;
type SelectHandler = (args: SelectArgs, deps: SlackDeps) => Promise<void>;
type ButtonConstraint = string | { block_id?: string | RegExp; action_id: string | RegExp };

/**
 * Every button, menu and select, by action id (and block id where one action id appears in
 * several places: "Log interaction", the follow-up buttons). The same follow-up can be answered
 * from the reminder DM, the Home tab and the follow-ups list; each place keeps its own listener
 * because what is refreshed afterwards differs (the DM, the Home tab, the list).
 */
export function registerActionListeners(app: App, deps: SlackDeps): void {
  // Bolt's overloads take an id or a constraint object, not their union: each is passed as written.
  const button = (constraint: ButtonConstraint, handler: ButtonHandler) =>
    typeof constraint === 'string'
      ? app.action<BlockAction<ButtonAction>>(constraint, (args) => handler(args, deps))
      : app.action<BlockAction<ButtonAction>>(constraint, (args) => handler(args, deps));
  const select = (constraint: Exclude<ButtonConstraint, string>, handler: SelectHandler) =>
    app.action<BlockAction<StaticSelectAction>>(constraint, (args: SelectArgs) => handler(args, deps));

  // `/interaction` results: timeline and list paging (in place), the contact picker, Log /
  // Export / Refine (and Log on the help), the DM offer after a refused export.
  button(ActionId.timelineOlder, onTimelinePage('older'));
  button(ActionId.timelineNewer, onTimelinePage('newer'));
  button(ActionId.timelineLog, onTimelineLog);
  button(ActionId.timelineExport, onTimelineExport);
  button(ResultActionId.timelinePick, onTimelinePick);
  button(ActionId.listOlder, onListPage('older'));
  button(ActionId.listNewer, onListPage('newer'));
  button(ActionId.listExport, onListExport);
  button(ActionId.listRefine, onListRefine);
  button(ResultActionId.exportToDm, onExportToDm);
  // "Log interaction" also sits on the Home tab, whose listener is scoped to the home's block.
  for (const blockId of [BlockId.listActions, BlockId.helpActions]) {
    button({ block_id: blockId, action_id: ActionId.logInteraction }, onLogFromResult);
  }

  // The follow-ups list (`/interaction followups`): Done / Snooze / Open timeline.
  const inList = (actionId: RegExp) => ({
    block_id: ResultBlockIdPattern.followUpListActions,
    action_id: actionId,
  });
  button(inList(ActionIdPattern.followUpDone), onFollowUpListDone);
  select(inList(ActionIdPattern.followUpSnoozeSelect), onFollowUpListSnooze);
  button(inList(ActionIdPattern.followUpOpenTimeline), onFollowUpListTimeline);

  // An interaction's overflow (edit, delete, log follow-up) and "Show more", wherever it is listed.
  app.action<BlockAction<OverflowAction>>({ action_id: ActionIdPattern.itemMenu }, (args) =>
    onItemMenu(args, deps),
  );
  button({ action_id: ActionIdPattern.itemShowMore }, onItemShowMore);
  // The "logged" confirmation's buttons: that contact's timeline.
  button(
    { block_id: LoggedBlockId.timelines, action_id: LoggedActionPattern.openTimeline },
    onLoggedOpenTimeline,
  );

  // Inside the log and edit forms: the type select reveals the visit address or custom type.
  app.action<BlockAction<StaticSelectAction>>(
    { block_id: InteractionFormField.type.blockId, action_id: InteractionFormField.type.actionId },
    (args) => onLogFormTypeChosen(args),
  );

  // F12 App Home: the quick actions row, and each follow-up row (republishes the tab after).
  button({ block_id: BlockId.homeActions, action_id: ActionId.logInteraction }, onHomeLog);
  button({ block_id: BlockId.homeActions, action_id: ActionId.homeSearch }, (args) => onHomeSearch(args));
  const inHome = (actionId: RegExp) => ({
    block_id: HomeBlockIdPattern.followUpActions,
    action_id: actionId,
  });
  button(inHome(ActionIdPattern.followUpDone), onHomeFollowUpDone);
  select(inHome(ActionIdPattern.followUpSnoozeSelect), onHomeFollowUpSnooze);
  button(inHome(ActionIdPattern.followUpOpenTimeline), onHomeFollowUpTimeline);

  // A contact's buttons, wherever a contact card is shown.
  button(ContactActionId.log, onContactLog);
  button(ContactActionId.edit, onContactEdit);
  button(ContactActionId.merge, onContactMerge);
  button(ContactActionId.timeline, onContactTimeline);

  // F13 the reminder DM's button row (the Home tab shares these action ids).
  const inReminder = (actionId: string | RegExp) => ({
    block_id: BlockId.followUpActions,
    action_id: actionId,
  });
  button(inReminder(ActionIdPattern.followUpDone), onReminderDone);
  for (const id of [
    ActionId.followUpSnooze1h,
    ActionId.followUpSnoozeTomorrow,
    ActionId.followUpSnoozeNextWeek,
  ]) {
    button(inReminder(id), onReminderSnooze);
  }
  button(inReminder(ActionIdPattern.followUpOpenTimeline), onReminderOpenTimeline);
  button(inReminder(ActionId.followUpCalendar), onReminderCalendar);

  // "Log the follow-up", from the reminder DM, the Home tab and the list alike.
  button({ action_id: ActionIdPattern.followUpLog }, onLogFollowUp);
}
