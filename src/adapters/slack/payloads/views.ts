import { z } from 'zod';
import {
  CallbackId,
  ContactImportField,
  type FieldIds,
  InteractionFormField,
  SettingsFormField,
} from '../ids.js';
import { unreadableView } from './answers.js';
import { stateOf } from './form-state.js';
import { type PayloadSurface, UNREADABLE_FORM, unreadableMessage } from './parse-payload.js';
import {
  loggedIdAt,
  type StateValues,
  slackTeam,
  slackUser,
  slackView,
  viewState,
  WORKSPACE_NAMED,
} from './shared.js';

/**
 * Modal submissions and closes. Every form (log, edit, delete, contact, import, merge, search,
 * filter, settings) is read from view.state.values by a reader that relies on the element
 * state types checked here (shared.ts): options with a value and a text, arrays where Slack
 * sends arrays, strings or null elsewhere.
 */
export const viewSubmission = z
  .looseObject({
    type: z.literal('view_submission'),
    user: slackUser,
    team: slackTeam,
    view: slackView,
    // Bolt reads response_urls[0].response_url while routing (a modal with a conversation picker).
    response_urls: z.array(z.looseObject({ response_url: z.string().min(1) })).optional(),
  })
  .refine(...WORKSPACE_NAMED);

/** A file attached in the log or edit form: what an attachment reference keeps of it. */
export const attachedFile = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  url_private: z.string().optional(),
  permalink: z.string().optional(),
});

/** The CSV the contact import form received: its name is shown, its link downloaded. */
export const importedFile = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  filetype: z.string().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
});
export type ImportedFile = z.infer<typeof importedFile>;

const filesOf = (file: z.ZodType) => z.looseObject({ files: z.array(file).nullish() });

/** Fields whose elements carry more than the shared element state checks: files. */
const FORM_FIELDS = new Map<string, readonly (readonly [FieldIds, z.ZodType])[]>([
  [CallbackId.logForm, [[InteractionFormField.attachments, filesOf(attachedFile)]]],
  [CallbackId.editForm, [[InteractionFormField.attachments, filesOf(attachedFile)]]],
  [CallbackId.contactImport, [[ContactImportField.file, filesOf(importedFile)]]],
]);

/**
 * Inputs a form always renders, whose absence its reader would take as a choice: a settings
 * submission without the weekly report's inputs would switch the report off and forget its
 * channel. Slack sends every input block's state, empty ones included, so a submission missing
 * them is of a view the app never rendered.
 */
const ALWAYS_RENDERED = new Map<string, readonly FieldIds[]>([
  [CallbackId.settingsForm, [SettingsFormField.reportEnabled, SettingsFormField.reportChannel]],
]);

/** A form's submission schema: the shared one, plus its own fields' checks where it has some. */
function submissionOf(callbackId: string | undefined): z.ZodType {
  const fields = FORM_FIELDS.get(callbackId ?? '') ?? [];
  const required = ALWAYS_RENDERED.get(callbackId ?? '') ?? [];
  if (fields.length === 0 && required.length === 0) return viewSubmission;
  return viewSubmission.superRefine((body, ctx) => {
    for (const ids of required) {
      if (body.view.state.values[ids.blockId]?.[ids.actionId] !== undefined) continue;
      const path = ['view', 'state', 'values', ids.blockId, ids.actionId];
      ctx.addIssue({ code: 'custom', path, message: 'required' });
    }
    for (const [ids, schema] of fields) {
      const state = body.view.state.values[ids.blockId]?.[ids.actionId];
      if (state === undefined) continue;
      const result = schema.safeParse(state);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const path = ['view', 'state', 'values', ids.blockId, ids.actionId, ...issue.path];
        ctx.addIssue({ code: 'custom', path, message: issue.message });
      }
    }
  });
}

export const viewClosed = z
  .looseObject({
    type: z.literal('view_closed'),
    user: slackUser,
    team: slackTeam,
    view: slackView,
  })
  .refine(...WORKSPACE_NAMED);

/** A submission is answered in the modal itself: the form is replaced by one saying so. */
export const viewSubmissionSurface: PayloadSurface = {
  kind: 'view_submission',
  schemaFor: (raw) => submissionOf(loggedIdAt(raw, 'view', 'callback_id')),
  idOf: (raw) => loggedIdAt(raw, 'view', 'callback_id'),
  async answer({ ack }, referenceId) {
    const view = unreadableView(unreadableMessage(UNREADABLE_FORM, referenceId));
    await ack({ response_action: 'update', view });
  },
};

/** The person closed the modal: there is nowhere left to answer, so it is only logged. */
export const viewClosedSurface: PayloadSurface = {
  kind: 'view_closed',
  schemaFor: () => viewClosed,
  idOf: (raw) => loggedIdAt(raw, 'view', 'callback_id'),
  async answer(args) {
    await args.ack();
  },
};

/**
 * A form's state values, typed by the schema the parse step checked them with, so a reader can
 * only use fields that schema declares. Bolt's body has already passed that step, so this
 * second read cannot fail; if it ever did, the global error handler answers with a reference.
 */
export function formStateOf(view: { state: unknown }): StateValues {
  return viewState.parse(view.state).values;
}

/** The one uploaded file, or undefined when the submission carries none. */
export function uploadedFile(values: StateValues): ImportedFile | undefined {
  // Checked by the parse step already; a file that is not one reads as no file.
  const files = z.array(importedFile).safeParse(stateOf(values, ContactImportField.file)?.files ?? []);
  return files.success ? files.data[0] : undefined;
}
