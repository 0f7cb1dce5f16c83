import { z } from 'zod';
import { envelope } from './envelope.js';

/**
 * Membership and installation events: nobody filled a form, so there is nothing to answer, but
 * they are recorded (the conversation, the installer), so they are read like everything else.
 */
const members = z
  .array(z.looseObject({ id: z.string().min(1).max(1_000) }))
  .max(10_000)
  .nullish();

export const conversationUpdateActivity = envelope.extend({
  type: z.literal('conversationUpdate'),
  membersAdded: members,
  membersRemoved: members,
});

export const installationUpdateActivity = envelope.extend({
  type: z.literal('installationUpdate'),
  action: z.string().max(100).nullish(),
});
