import { z } from 'zod';
import { unreadableView } from './answers.js';
import { type PayloadSurface, UNREADABLE_FORM, unreadableMessage } from './parse-payload.js';
import { loggedIdAt, slackUser, slackView } from './shared.js';

/**
 * Modal submissions and closes. Every form (log, edit, delete, contact, import, merge, search,
 * filter, settings) is read from view.state.values by a reader that relies on the element
 * state types checked here (shared.ts): options with a value and a text, arrays where Slack
 * sends arrays, strings or null elsewhere.
 */
export const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: slackUser,
  view: slackView,
});

export const viewClosed = z.looseObject({
  type: z.literal('view_closed'),
  user: slackUser,
  view: slackView,
});

/** A submission is answered in the modal itself: the form is replaced by one saying so. */
export const viewSubmissionSurface: PayloadSurface = {
  kind: 'view_submission',
  schemaFor: () => viewSubmission,
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
