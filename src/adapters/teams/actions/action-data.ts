import { z } from 'zod';
import { ValidationError } from '../../../core/shared/errors.js';
import type { ViewContext } from '../cards/view-context.js';

/**
 * Card data comes back from the client: it is our own JSON, but it is still input. Each
 * shape is checked here, and a card too old to read gets a friendly "run the command again".
 */
const ref = z.object({ k: z.enum(['contact', 'organisation']), s: z.string().min(1).max(100) });
const page = z.object({ cursor: z.string().min(1).max(2000), direction: z.enum(['older', 'newer']) });

const viewContext = z.discriminatedUnion('v', [
  z.object({ v: z.literal('timeline'), ref, page: page.optional() }),
  z.object({
    v: z.literal('list'),
    filter: z.record(z.string(), z.unknown()),
    sort: z.enum(['date', 'type']),
    page: page.optional(),
  }),
]);

export const ActionData = {
  withContext: z.object({ ctx: viewContext }),
  item: z.object({ id: z.string().min(1).max(100), ctx: viewContext }),
  timelineOpen: z.object({ ref, asNew: z.boolean().optional() }),
  followUp: z.object({ id: z.string().min(1).max(100), list: z.boolean().optional() }),
  /** "Log here": the contacts to preselect (names travel with them, as for the dialog) and where to show the form. */
  logHere: z.object({
    contactIds: z.array(z.string().min(1).max(100)).max(50).optional(),
    contactNames: z.array(z.string().max(300)).max(50).optional(),
    asNew: z.boolean().optional(),
  }),
  /** The inline form's Log button: its submission key; the inputs ride along and are read like a dialog's. */
  contactHereSubmit: z.object({ submission: z.string().min(1).max(200) }),
  logHereSubmit: z.object({ submission: z.string().min(1).max(200), src: z.string().max(2000).optional() }),
  snooze: z.object({
    id: z.string().min(1).max(100),
    preset: z.enum(['1h', 'tomorrow', 'next-week']),
    /** From the follow-ups card: refresh that list rather than show a reminder card. */
    list: z.boolean().optional(),
  }),
};

export function readData<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ValidationError({ card: 'This card is out of date. Run the command again for a fresh one.' });
}

export type { ViewContext };
