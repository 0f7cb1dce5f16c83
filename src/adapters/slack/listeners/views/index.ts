import type { App, ViewSubmitAction } from '@slack/bolt';
import { CallbackId, ContactCallbackId, ContactMergeField, SettingsFormField } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { submitContactImport } from './contact-import-submit.js';
import { submitMerge, suggestMergeTargets } from './contact-merge.js';
import { submitContactSearch } from './contact-search.js';
import { submitContactForm } from './contact-submit.js';
import { submitDeleteConfirm, submitEditForm } from './edit-submit.js';
import { submitFilterForm } from './filter-submit.js';
import { submitLogForm } from './log-submit.js';
import { submitSettings, suggestTimeZones } from './settings.js';

/**
 * Form submissions, by callback id, and the suggestions of the external selects inside those
 * forms. Each handler acks with inline errors or a notice when the core refuses, else acks
 * (closing or updating the modal) and then confirms.
 */
export function registerViewListeners(app: App, deps: SlackDeps): void {
  // F1–F7: log (one or many contacts), edit, delete confirmation.
  app.view<ViewSubmitAction>({ callback_id: CallbackId.logForm, type: 'view_submission' }, (args) =>
    submitLogForm(args, deps),
  );
  app.view<ViewSubmitAction>({ callback_id: CallbackId.editForm, type: 'view_submission' }, (args) =>
    submitEditForm(args, deps),
  );
  app.view<ViewSubmitAction>({ callback_id: CallbackId.deleteConfirm, type: 'view_submission' }, (args) =>
    submitDeleteConfirm(args, deps),
  );

  // F11: add/edit contact, CSV import, merge (with its picker), the Home tab's contact search.
  app.view<ViewSubmitAction>(CallbackId.contactForm, (args) => submitContactForm(args, deps));
  app.view<ViewSubmitAction>(CallbackId.contactImport, (args) => submitContactImport(args, deps));
  app.options<'block_suggestion'>({ action_id: ContactMergeField.target.actionId }, (args) =>
    suggestMergeTargets(args, deps),
  );
  app.view<ViewSubmitAction>(ContactCallbackId.merge, (args) => submitMerge(args, deps));
  app.view<ViewSubmitAction>(ContactCallbackId.search, (args) => submitContactSearch(args, deps));

  // The list/export filter form.
  app.view<ViewSubmitAction>(CallbackId.filterForm, (args) => submitFilterForm(args, deps));

  // F16 admin settings; the time zone picker is an external_select (~420 zones, 100 per list).
  app.options<'block_suggestion'>({ action_id: SettingsFormField.timezone.actionId }, (args) =>
    suggestTimeZones(args),
  );
  app.view<ViewSubmitAction>(CallbackId.settingsForm, (args) => submitSettings(args, deps));
}
