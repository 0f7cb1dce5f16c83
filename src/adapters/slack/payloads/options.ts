import { z } from 'zod';
import { UNREADABLE_OPTION_VALUE } from '../ids.js';
import { type PayloadSurface, UNREADABLE_FORM } from './parse-payload.js';
import { containerView, loggedIdAt, slackTeam, slackUser, WORKSPACE_NAMED } from './shared.js';

/**
 * Search-as-you-type requests (block_suggestion): the log form's contacts, the merge target,
 * the settings time zone. Every listener reads what was typed and, some, the view's metadata.
 */
export const blockSuggestion = z
  .looseObject({
    type: z.literal('block_suggestion'),
    team: slackTeam,
    user: slackUser,
    action_id: z.string().min(1),
    block_id: z.string(),
    value: z.string(),
    view: containerView.optional(),
  })
  .refine(...WORKSPACE_NAMED);

/** A menu can only show options: one whose label says what happened (≤ 75 characters). */
export const optionsSurface: PayloadSurface = {
  kind: 'block_suggestion',
  schemaFor: () => blockSuggestion,
  idOf: (raw) => loggedIdAt(raw, 'action_id'),
  async answer({ ack }) {
    await ack({
      options: [{ text: { type: 'plain_text', text: UNREADABLE_FORM }, value: UNREADABLE_OPTION_VALUE }],
    });
  },
};
