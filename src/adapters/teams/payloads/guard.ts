import type { InvokeResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../../../core/shared/ports.js';
import { readPayload } from './parse.js';
import { type Refusal, surfaceOf } from './surfaces.js';

const replyTarget = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1) }),
});

/**
 * The adapter's parse step, at the door: every authenticated activity is read through its
 * surface's schema before the SDK routes it (its router reads some invoke values itself) and
 * before any listener — the conversation bookkeeping included — can write. One that does not
 * parse is answered here, on its own surface, with HTTP 200; nothing else runs.
 */
export function guardInboundPayloads(app: App, logger: Logger): void {
  const server = app.server;
  const handle = server.onRequest;
  if (!handle) throw new Error('The Teams SDK has no request handler to guard; build the App first');
  const refuse = async (
    activity: unknown,
    refusal: Refusal,
    referenceId: string,
  ): Promise<InvokeResponse> => {
    if (refusal.kind === 'invoke') return { status: 200, body: refusal.body(referenceId) };
    if (refusal.kind === 'reply') {
      const target = replyTarget.safeParse(activity);
      if (target.success) {
        const { serviceUrl, conversation } = target.data;
        await app.api
          .clone({ serviceUrl })
          .conversations.activities(conversation.id)
          .create({ type: 'message', text: refusal.text(referenceId) })
          .catch((error: unknown) =>
            logger.debug('The "could not be read" reply was not delivered', {
              referenceId,
              error: String(error),
            }),
          );
      }
    }
    return { status: 200 };
  };
  server.onRequest = async (event) => {
    const { schema, refusal } = surfaceOf(event.body);
    const parsed = readPayload(schema, event.body, logger);
    if (parsed.ok) return handle(event);
    return refuse(event.body, refusal, parsed.referenceId);
  };
}

/**
 * Before the SDK's own route: a body that is no JSON object (text, an array, nothing) is no
 * activity at all, and the SDK would fail on it with a 500 while authenticating. Refused here
 * as a bad request; it reaches neither the SDK nor the store. Mount before `App.initialize()`.
 */
export function refuseBodiesThatAreNoActivity(expressApp: Express, path: string): void {
  expressApp.post(path, express.json(), (request, response, next) => {
    const body: unknown = request.body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return next();
    response.status(400).json({ error: 'A Teams activity is a JSON object.' });
  });
  // The body reader's own refusals (over its 100 kB, JSON cut short) in JSON, not Express's HTML
  // page: a client reads the answer, and nothing reached the SDK or the store.
  expressApp.use(path, (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const status =
      typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
        ? error.status
        : undefined;
    if (status === undefined || status < 400 || status >= 500 || response.headersSent) return next(error);
    response.status(status).json({
      error: status === 413 ? 'A Teams activity is at most 100 kB.' : 'A Teams activity is a JSON object.',
    });
  });
}
