import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { ActionId, ActionIdPattern, BlockId, ResultActionId, ResultBlockIdPattern } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonArgs, SelectArgs } from '../support/action-support.js';
import { onExportToDm, onListExport, onTimelineExport } from './export.js';
import { onFollowUpListDone, onFollowUpListSnooze, onFollowUpListTimeline } from './follow-up-list.js';
import {
  onListPage,
  onListRefine,
  onLogFromResult,
  onTimelineLog,
  onTimelinePage,
  onTimelinePick,
} from './paging.js';

type ButtonHandler = (args: ButtonArgs, deps: SlackDeps) => Promise<void>;

/**
 * Buttons on `/interaction` results: timeline and list paging (in place), the contact picker,
 * Log / Export / Refine (and Log on the help), the DM offer after a refused export, and the
 * follow-up list's Done / Snooze / Open timeline (told apart from the reminder DM's and the
 * Home tab's by block id).
 */
export function registerResultActions(app: App, deps: SlackDeps): void {
  const button = (actionId: string, handler: ButtonHandler) =>
    app.action<BlockAction<ButtonAction>>(actionId, (args) => handler(args, deps));

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
    app.action<BlockAction<ButtonAction>>({ block_id: blockId, action_id: ActionId.logInteraction }, (args) =>
      onLogFromResult(args, deps),
    );
  }

  const inList = (actionId: RegExp) => ({
    block_id: ResultBlockIdPattern.followUpListActions,
    action_id: actionId,
  });
  app.action<BlockAction<ButtonAction>>(inList(ActionIdPattern.followUpDone), (args) =>
    onFollowUpListDone(args, deps),
  );
  app.action<BlockAction<StaticSelectAction>>(
    inList(ActionIdPattern.followUpSnoozeSelect),
    (args: SelectArgs) => onFollowUpListSnooze(args, deps),
  );
  app.action<BlockAction<ButtonAction>>(inList(ActionIdPattern.followUpOpenTimeline), (args) =>
    onFollowUpListTimeline(args, deps),
  );
}
