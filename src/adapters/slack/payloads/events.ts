import { z } from 'zod';
import type { PayloadSurface } from './parse-payload.js';
import { loggedIdAt, slackId } from './shared.js';

/** The events the manifest subscribes to, each with the fields its listener reads. */
const subscribedEvents = new Map<string, z.ZodType>(
  Object.entries({
    app_home_opened: z.looseObject({
      type: z.literal('app_home_opened'),
      user: slackId,
      tab: z.string().optional(),
    }),
    app_uninstalled: z.looseObject({ type: z.literal('app_uninstalled') }),
    tokens_revoked: z.looseObject({
      type: z.literal('tokens_revoked'),
      tokens: z.looseObject({
        oauth: z.array(z.string()).nullish(),
        bot: z.array(z.string()).nullish(),
      }),
    }),
  }),
);

/** An event nobody listens to still needs a type, so Bolt can route it to no one. */
const otherEvent = z.looseObject({ type: z.string().min(1) });

function envelope(event: z.ZodType) {
  return z.looseObject({
    type: z.literal('event_callback'),
    event_id: z.string().min(1).optional(),
    event,
  });
}

export const eventSurface: PayloadSurface = {
  kind: 'event_callback',
  schemaFor: (raw) => envelope(subscribedEvents.get(loggedIdAt(raw, 'event', 'type') ?? '') ?? otherEvent),
  idOf: (raw) => loggedIdAt(raw, 'event', 'type'),
  // Nobody is waiting for an event: an empty ack (so Slack does not redeliver) and the log line.
  async answer({ ack }) {
    await ack();
  },
};
