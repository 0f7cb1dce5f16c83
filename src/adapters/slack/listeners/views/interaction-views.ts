import type { App, ViewSubmitAction } from '@slack/bolt';
import { CallbackId } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { submitDeleteConfirm, submitEditForm } from './edit-submit.js';
import { submitLogForm } from './log-submit.js';

/**
 * F1–F7 form submissions: log (one or many contacts), edit, delete confirmation. Each handler
 * acks with inline errors or a notice when the core refuses, else acks (closing the modal) and
 * then confirms and refreshes App Home.
 */
export function registerInteractionViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: CallbackId.logForm, type: 'view_submission' }, (args) =>
    submitLogForm(args, deps),
  );
  app.view<ViewSubmitAction>({ callback_id: CallbackId.editForm, type: 'view_submission' }, (args) =>
    submitEditForm(args, deps),
  );
  app.view<ViewSubmitAction>({ callback_id: CallbackId.deleteConfirm, type: 'view_submission' }, (args) =>
    submitDeleteConfirm(args, deps),
  );
}
