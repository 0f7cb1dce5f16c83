import { z } from 'zod';
import { envelope } from './envelope.js';
import { anyObject } from './fields.js';

/**
 * A message to the bot: typed text (a command), a card's Action.Submit data (`value`, with no
 * text), and files attached in personal chat (the contact import). The sender's zone rides in
 * the envelope (`localTimezone`, the clientInfo entity).
 */
const attachment = z.looseObject({
  contentType: z.string().max(200),
  name: z.string().max(1_000).nullish(),
  content: z.unknown(),
});

export const messageActivity = envelope.extend({
  type: z.literal('message'),
  text: z.string().max(100_000).nullish(),
  value: anyObject.nullish(),
  attachments: z.array(attachment).max(50).nullish(),
});
