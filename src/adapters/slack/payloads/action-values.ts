import { z } from 'zod';
import {
  FOLLOW_UP_FILTERS,
  type InteractionFilter,
  LIST_SORTS,
} from '../../../core/interactions/interaction-filter.js';
import { ValidationError } from '../../../core/shared/errors.js';
import { LIMITS } from '../blocks/limits.js';

/**
 * Button and option values: what a click sends back. The app writes them (encodeValue) and
 * reads them back (decodeValue); a value that is not exactly what was sent is "out of date".
 */

const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,512}$/);
const shortText = z.string().max(200);

const filterValue = z
  .object({
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    types: z.array(shortText).max(50).optional(),
    actions: z.array(shortText).max(50).optional(),
    authorIds: z.array(entityId).max(50).optional(),
    contactIds: z.array(entityId).max(50).optional(),
    contactText: shortText.optional(),
    addressText: shortText.optional(),
    organisationId: entityId.optional(),
    importantOnly: z.boolean().optional(),
    hasAttachments: z.boolean().optional(),
    followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
    text: z.string().max(500).optional(),
  })
  .strict();
export type FilterValue = z.infer<typeof filterValue>;

export const ButtonValue = {
  /** Timeline Log / Export / Older / Newer: the subject and, for paging, the boundary. */
  timeline: z.object({ k: z.enum(['contact', 'organisation']), s: entityId, c: cursor.optional() }).strict(),
  /** List Export / Older / Newer / Refine: the whole query, so the click re-runs it exactly. */
  list: z.object({ f: filterValue, s: z.enum(LIST_SORTS), c: cursor.optional() }).strict(),
  /** Overflow option of an item (≤ 75 chars: option value). */
  itemMenu: z.object({ a: z.enum(['edit', 'delete', 'followup']), i: entityId }).strict(),
  /** Show more, and anything else that only needs the interaction. */
  interaction: z.object({ i: entityId }).strict(),
  /** Follow-up buttons: Done, Log the follow-up, Open the timeline, Add to calendar. */
  followUp: z.object({ i: entityId, c: entityId }).strict(),
  /** Snooze buttons and snooze select options (≤ 75 chars: option value). */
  snooze: z.object({ i: entityId, p: z.enum(['1h', 'tomorrow', 'nextWeek']) }).strict(),
} as const;
export type SnoozePeriod = z.infer<typeof ButtonValue.snooze>['p'];

/** Serialises a value for a button (max 2000) or an option (pass LIMITS.optionValue). Throws if too long. */
export function encodeValue<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  max: number = LIMITS.buttonValue,
): string {
  // Parsing our own value catches renderer bugs before Slack (or a listener) sees them.
  const json = JSON.stringify(schema.parse(value));
  if (json.length > max) throw new RangeError(`Slack value is ${json.length} characters, over ${max}`);
  return json;
}

/** Like encodeValue, but undefined when too long, so the renderer can leave the button out. */
export function tryEncodeValue<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  max: number = LIMITS.buttonValue,
): string | undefined {
  try {
    return encodeValue(schema, value, max);
  } catch {
    return undefined;
  }
}

/** Reads a clicked value. Anything that is not exactly what we sent is "out of date". */
export function decodeValue<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const stale = () =>
    new ValidationError({ button: 'This button is out of date. Run the command again to get a fresh one.' });
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > LIMITS.buttonValue) throw stale();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw stale();
  }
  const result = schema.safeParse(json);
  if (!result.success) throw stale();
  return result.data;
}

export function filterToValue(filter: InteractionFilter): FilterValue {
  const { from, to, ...rest } = filter;
  const value: FilterValue = { ...rest };
  if (from) value.from = from.toISOString();
  if (to) value.to = to.toISOString();
  return value;
}

export function filterFromValue(value: FilterValue): InteractionFilter {
  const { from, to, ...rest } = value;
  const filter: InteractionFilter = { ...rest };
  if (from !== undefined) filter.from = new Date(from);
  if (to !== undefined) filter.to = new Date(to);
  return filter;
}

/** A contact's buttons (find results, confirmations, Home search). */
export const ContactButtonValue = {
  contact: z.object({ c: entityId }).strict(),
} as const;
