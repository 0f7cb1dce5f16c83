import { z } from 'zod';
import { ValidationError } from '../../../core/shared/errors.js';
import { LIMITS } from '../blocks/limits.js';

const slackId = z.string().regex(/^[A-Z0-9]{2,32}$/);
const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * What a log/edit form carries between opening and submission (private_metadata, ≤ 3000
 * chars). Never trusted: decoded with zod like any payload, and the tenant still comes from
 * the verified request, never from here.
 */
const formMetadataSchema = z
  .object({
    /** Which form: a type change re-renders the same one. */
    m: z.enum(['log', 'edit']),
    /** Channel the form was opened from: the confirmation goes there, ephemeral. */
    ch: slackId.optional(),
    /** F6: the chat message being logged; its permalink is fetched at submission if missing. */
    msg: z
      .object({
        ch: slackId.optional(),
        ts: z
          .string()
          .regex(/^\d{1,12}\.\d{1,8}$/)
          .optional(),
        link: z.string().max(1500).optional(),
      })
      .strict()
      .optional(),
    /** The message text was longer than a Slack input holds and was shortened. */
    cut: z.literal(true).optional(),
    /** Edit form: the interaction, its contact's name, and the dates as they were. */
    i: entityId.optional(),
    cn: z.string().max(200).optional(),
    at: z.iso.datetime().optional(),
    due: z.iso.datetime().optional(),
    /** Edit form: the description is longer than a Slack input holds, so it is left out and kept. */
    ld: z.literal(true).optional(),
    /** "Log the follow-up": the interaction whose follow-up the log closes (checked by the core). */
    fu: entityId.optional(),
    /** The reminder DM the form was opened from (in channel `ch`): updated once it is logged. */
    fts: z
      .string()
      .regex(/^\d{1,12}\.\d{1,8}$/)
      .optional(),
  })
  .strict();

export type FormMetadata = z.infer<typeof formMetadataSchema>;

export function encodeFormMetadata(metadata: FormMetadata): string {
  const json = JSON.stringify(formMetadataSchema.parse(metadata));
  if (json.length > LIMITS.privateMetadata)
    throw new RangeError(`private_metadata is ${json.length} characters`);
  return json;
}

export function decodeFormMetadata(raw: string | undefined): FormMetadata {
  try {
    const parsed = formMetadataSchema.safeParse(JSON.parse(raw ?? ''));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not ours, or from an older version of the form
  }
  throw new ValidationError({ form: 'This form is out of date. Close it and open it again.' });
}

const deleteMetadataSchema = z.object({ i: entityId, ch: slackId.optional() }).strict();
export type DeleteMetadata = z.infer<typeof deleteMetadataSchema>;

export function encodeDeleteMetadata(metadata: DeleteMetadata): string {
  return JSON.stringify(deleteMetadataSchema.parse(metadata));
}

export function decodeDeleteMetadata(raw: string | undefined): DeleteMetadata {
  try {
    const parsed = deleteMetadataSchema.safeParse(JSON.parse(raw ?? ''));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new ValidationError({ form: 'This form is out of date. Close it and open it again.' });
}
