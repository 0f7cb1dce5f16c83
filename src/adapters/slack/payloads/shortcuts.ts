import { z } from 'zod';
import { answerWhereItCameFrom } from './answers.js';
import type { PayloadSurface } from './parse-payload.js';
import {
  loggedIdAt,
  slackChannelId,
  slackTeam,
  slackTrigger,
  slackTs,
  slackUser,
  WORKSPACE_NAMED,
} from './shared.js';

/** "Log an interaction" from anywhere: only the trigger (to open the form) and who asked. */
export const globalShortcut = z
  .looseObject({
    type: z.literal('shortcut'),
    callback_id: z.string().min(1),
    trigger_id: slackTrigger,
    user: slackUser,
    team: slackTeam,
  })
  .refine(...WORKSPACE_NAMED);

/** "Log as interaction" on a message: its channel, its ts and text prefill the form. */
export const messageShortcut = z
  .looseObject({
    type: z.literal('message_action'),
    callback_id: z.string().min(1),
    trigger_id: slackTrigger,
    user: slackUser,
    team: slackTeam,
    channel: z.looseObject({ id: slackChannelId }),
    message_ts: slackTs,
    message: z.looseObject({ ts: slackTs.optional(), text: z.string().nullish() }),
    response_url: z.string().optional(),
  })
  .refine(...WORKSPACE_NAMED);

const UNREADABLE_SHORTCUT = 'That shortcut could not be read — please try it again';

/** A shortcut opens a modal: the answer is that modal, saying so (or an ephemeral on a message). */
export const globalShortcutSurface: PayloadSurface = {
  kind: 'shortcut',
  schemaFor: () => globalShortcut,
  idOf: (raw) => loggedIdAt(raw, 'callback_id'),
  answer: (args, referenceId) =>
    answerWhereItCameFrom(args, UNREADABLE_SHORTCUT, referenceId, { openModal: true }),
};

export const messageShortcutSurface: PayloadSurface = {
  kind: 'message_action',
  schemaFor: () => messageShortcut,
  idOf: (raw) => loggedIdAt(raw, 'callback_id'),
  answer: (args, referenceId) =>
    answerWhereItCameFrom(args, UNREADABLE_SHORTCUT, referenceId, { openModal: true }),
};
