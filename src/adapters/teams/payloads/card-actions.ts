import { z } from 'zod';
import { interactionFilterSchema } from '../../../core/interactions/interaction.schemas.js';
import { Verb, type VerbName } from '../ids.js';
import { invokeOf } from './envelope.js';
import { cardId, contactInputs, logInputs } from './fields.js';

/**
 * Action.Execute (`adaptiveCard/action`): the verb, and the data our own card put on the
 * button — still input, since it comes back from the client. One shape per verb.
 */
const ref = z.object({ k: z.enum(['contact', 'organisation']), s: z.string().min(1).max(100) });
/** A list's filter, as the list card wrote it: the core's own filter schema must read it back. */
const listFilter = z.record(z.string(), z.unknown()).superRefine((filter, ctx) => {
  const parsed = interactionFilterSchema.safeParse(filter);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path });
});
const page = z.object({ cursor: z.string().min(1).max(2000), direction: z.enum(['older', 'newer']) });

const viewContext = z.discriminatedUnion('v', [
  z.object({ v: z.literal('timeline'), ref, page: page.optional() }),
  z.object({
    v: z.literal('list'),
    filter: listFilter,
    sort: z.enum(['date', 'type']),
    page: page.optional(),
  }),
]);

const withContext = z.object({ ctx: viewContext });
const item = z.object({ id: cardId, ctx: viewContext });
const followUp = z.object({ id: cardId, list: z.boolean().optional() });

/** The data each verb's button carries. */
export const ACTION_DATA = {
  [Verb.timelinePage]: withContext,
  [Verb.listPage]: withContext,
  [Verb.itemDeleteCancel]: withContext,
  [Verb.exportList]: withContext,
  [Verb.itemDelete]: item,
  [Verb.itemDeleteConfirm]: item,
  [Verb.timelineOpen]: z.object({ ref, asNew: z.boolean().optional() }),
  [Verb.followUpDone]: followUp,
  [Verb.followUpSnooze]: z.object({
    id: cardId,
    preset: z.enum(['1h', 'tomorrow', 'next-week']),
    /** From the follow-ups card: refresh that list rather than show a reminder card. */
    list: z.boolean().optional(),
  }),
  /** "Log here": the contacts to preselect (names travel with them) and where to show the form. */
  [Verb.logHere]: z.object({
    contactIds: z.array(cardId).max(50).optional(),
    contactNames: z.array(z.string().max(300)).max(50).optional(),
    asNew: z.boolean().optional(),
  }),
  /** The inline log form's Log button: its submission key (not `key`, see the card) and the inputs. */
  [Verb.logHereSubmit]: logInputs.extend({ submission: cardId, src: z.string().max(2000).optional() }),
  [Verb.contactHere]: z.object({}),
  [Verb.contactHereSubmit]: contactInputs.extend({ submission: cardId }),
} satisfies Record<VerbName, z.ZodType>;

type ActionData = typeof ACTION_DATA;
/** A button the adapter knows, its data read; or a verb it no longer answers. */
export type CardAction =
  | { [V in VerbName]: { verb: V; data: z.output<ActionData[V]> } }[VerbName]
  | { verb: 'unsupported' };

const isKnownVerb = (verb: string): verb is VerbName => Object.hasOwn(ACTION_DATA, verb);

const action = z
  .looseObject({ verb: z.string().min(1).max(200), data: z.unknown() })
  .transform((raw, ctx): CardAction => {
    if (!isKnownVerb(raw.verb)) return { verb: 'unsupported' };
    const parsed = ACTION_DATA[raw.verb].safeParse(raw.data);
    if (parsed.success) return { verb: raw.verb, data: parsed.data } as CardAction;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['data', ...issue.path] });
    return z.NEVER;
  });

export const cardActionActivity = invokeOf('adaptiveCard/action', z.looseObject({ action }));
