import { z } from 'zod';
import { type PayloadSurface, unreadableMessage } from './parse-payload.js';
import { loggedIdAt, slackId } from './shared.js';

/**
 * A slash command, form-encoded: every field a string (a repeated field arrives as an array and
 * is refused). Handlers read the text, the trigger (modals), the channel and the response_url.
 */
export const slashCommand = z.looseObject({
  command: z.string().min(1),
  text: z.string(),
  trigger_id: z.string().min(1),
  user_id: slackId,
  channel_id: slackId,
  response_url: z.string().min(1),
});

const UNREADABLE_COMMAND = 'That command could not be read — please type it again';

/** A command's ack can carry the answer itself: ephemeral, within the 3 seconds. */
export const commandSurface: PayloadSurface = {
  kind: 'slash_command',
  schemaFor: () => slashCommand,
  idOf: (raw) => loggedIdAt(raw, 'command'),
  async answer({ ack }, referenceId) {
    await ack({ response_type: 'ephemeral', text: unreadableMessage(UNREADABLE_COMMAND, referenceId) });
  },
};
