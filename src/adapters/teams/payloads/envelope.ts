import { z } from 'zod';

/**
 * The fields of every Teams activity that the SDK or this adapter reads before any handler runs:
 * who sent it, from where, in which tenant and time zone. Everything else is tolerated and left
 * alone (Teams adds fields over time), so these are loose objects.
 */
const text = z.string().max(1_000);
const id = z.string().min(1).max(1_000);

const account = z.looseObject({
  id,
  name: text.nullish(),
  aadObjectId: text.nullish(),
});

/**
 * Entities are open-ended (Teams adds kinds); only the two the SDK or adapter reads are checked:
 * a mention must say who it mentions (the SDK strips the bot's own mention by comparing ids),
 * and clientInfo's time zone is text.
 */
const KNOWN_ENTITIES: Record<string, z.ZodType> = {
  mention: z.looseObject({
    mentioned: z.looseObject({ id: z.string().max(1_000) }),
    text: z.string().max(10_000).optional(),
  }),
  clientInfo: z.looseObject({ timezone: z.string().max(100).optional() }),
};

const entity = z.looseObject({ type: z.string().max(200) }).superRefine((entity, ctx) => {
  const schema = Object.hasOwn(KNOWN_ENTITIES, entity.type) ? KNOWN_ENTITIES[entity.type] : undefined;
  const parsed = schema?.safeParse(entity);
  for (const issue of parsed?.error?.issues ?? []) ctx.addIssue({ ...issue, path: issue.path });
});

export const envelope = z.looseObject({
  type: z.string().min(1).max(100),
  id: id.nullish(),
  serviceUrl: z.string().max(2_000).optional(),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    conversationType: text.nullish(),
    tenantId: text.nullish(),
    name: text.nullish(),
    isGroup: z.boolean().nullish(),
  }),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: text }).nullish(),
      eventType: text.nullish(),
    })
    .nullish(),
  localTimezone: z.string().max(100).nullish(),
  entities: z.array(entity).max(100).nullish(),
});

/** Any activity type the adapter has no surface for (typing, reactions…): only its envelope. */
export const anyActivity = envelope;

/** An invoke whose `value` the adapter reads: the value must be an object, whatever else it holds. */
export const invokeOf = <V extends z.ZodType, N extends string>(name: N, value: V) =>
  envelope.extend({ type: z.literal('invoke'), name: z.literal(name), value });
