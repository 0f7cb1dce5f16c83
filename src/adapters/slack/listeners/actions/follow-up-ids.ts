import { z } from 'zod';

/**
 * Ids the follow-up DM needs that src/adapters/slack/ids.ts does not have yet (the minimal
 * "Log the follow-up" modal). To move into ids.ts by its owner; nothing else uses them.
 */
export const FollowUpCallbackId = {
  logFollowUp: 'il.followup.log_form',
} as const;

export const FollowUpLogField = {
  type: { blockId: 'il.followup_log.type', actionId: 'il.followup_log.type.input' },
  description: { blockId: 'il.followup_log.description', actionId: 'il.followup_log.description.input' },
  markDone: { blockId: 'il.followup_log.mark_done', actionId: 'il.followup_log.mark_done.input' },
} as const;

/** The modal's private_metadata: the follow-up, its contact, and the DM message to update. */
export const logFollowUpMetadata = z
  .object({
    i: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    c: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    ch: z.string().max(40).optional(),
    ts: z.string().max(40).optional(),
  })
  .strict();
export type LogFollowUpMetadata = z.infer<typeof logFollowUpMetadata>;
