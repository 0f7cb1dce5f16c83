import { z } from 'zod';
import { ActionIdPattern, InteractionFormField } from '../ids.js';
import { answerWhereItCameFrom } from './answers.js';
import { type PayloadSurface, UNREADABLE_FORM } from './parse-payload.js';
import {
  containerView,
  loggedIdAt,
  selectedOption,
  slackChannelId,
  slackTeam,
  slackTrigger,
  slackUser,
  slackView,
  WORKSPACE_NAMED,
} from './shared.js';

/**
 * Clicks and choices (block_actions) on every surface: buttons, overflow menus, selects,
 * datepickers, in messages, modals and the Home tab. A button's value is decoded later by its
 * own codec (action-values.ts), which answers "out of date" for anything it did not write.
 */
export const actionElement = z.looseObject({
  type: z.string(),
  action_id: z.string().min(1),
  block_id: z.string(),
  value: z.string().nullish(),
  selected_option: selectedOption.nullish(),
  selected_options: z.array(selectedOption).nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  action_ts: z.string().optional(),
});

/** Elements whose listener reads the chosen option, so a choice must carry one. */
const CHOOSES_AN_OPTION: readonly RegExp[] = [ActionIdPattern.itemMenu, ActionIdPattern.followUpSnoozeSelect];

/** Elements inside a form whose listener re-renders the form from its own view. */
const INSIDE_A_FORM: readonly string[] = [InteractionFormField.type.actionId];

export const blockActions = z
  .looseObject({
    type: z.literal('block_actions'),
    team: slackTeam,
    user: slackUser,
    // Buttons such as "Log interaction" answer only by views.open with the trigger, and keep the
    // channel in the form's metadata: a forged one must be refused here ("could not be read"),
    // not fail in the listener as "something went wrong".
    trigger_id: slackTrigger,
    actions: z.array(actionElement).min(1),
    channel: z.looseObject({ id: slackChannelId }).optional(),
    message: z.looseObject({ ts: z.string() }).optional(),
    container: z.looseObject({ type: z.string(), channel_id: slackChannelId.optional() }).optional(),
    view: containerView.optional(),
    response_url: z.string().optional(),
  })
  .superRefine((body, ctx) => {
    body.actions.forEach((action, index) => {
      if (CHOOSES_AN_OPTION.some((pattern) => pattern.test(action.action_id)) && !action.selected_option) {
        ctx.addIssue({ code: 'custom', path: ['actions', index, 'selected_option'], message: 'required' });
      }
      if (!INSIDE_A_FORM.includes(action.action_id)) return;
      const form = slackView.safeParse(body.view);
      for (const issue of form.success ? [] : form.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['view', ...issue.path], message: issue.message });
      }
    });
  })
  .refine(...WORKSPACE_NAMED);

export const blockActionsSurface: PayloadSurface = {
  kind: 'block_actions',
  schemaFor: () => blockActions,
  idOf: (raw) => {
    const actions = typeof raw === 'object' && raw !== null && 'actions' in raw ? raw.actions : undefined;
    return Array.isArray(actions) ? loggedIdAt(actions[0], 'action_id') : undefined;
  },
  answer: (args, referenceId) => answerWhereItCameFrom(args, UNREADABLE_FORM, referenceId),
};
