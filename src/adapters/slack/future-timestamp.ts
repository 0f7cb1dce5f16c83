import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** Slack's replay window: a signed request may be at most this far from our clock. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/**
 * Bolt refuses a signed request stamped more than five minutes in the past but accepts any
 * timestamp ahead of its clock, so a captured request signed "in the future" stays replayable
 * long after it was sent. This check runs before Bolt's own verification (which still checks
 * the signature and the past side) and refuses the future side with the same 401. Missing or
 * malformed timestamps are left to Bolt, which refuses them. `nowMs` is the wall clock Bolt
 * compares with.
 */
export function isStampedInTheFuture(headers: IncomingHttpHeaders, nowMs: number = Date.now()): boolean {
  const header = headers['x-slack-request-timestamp'];
  const stamped = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(stamped) && stamped - Math.floor(nowMs / 1000) > SLACK_TIMESTAMP_WINDOW_SECONDS;
}

function refuse(res: ServerResponse): void {
  res.writeHead(401).end();
}

/** For the shared Express server: mount on the Slack endpoint ahead of Bolt's receiver. */
export function refuseFutureSlackRequests(): RequestHandler {
  return (req, res, next) => {
    if (isStampedInTheFuture(req.headers)) refuse(res);
    else next();
  };
}

/** For Bolt's own HTTP server: wraps its request listener the same way. */
export function refusingFutureSlackRequests(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method === 'POST' && isStampedInTheFuture(req.headers)) refuse(res);
    else listener(req, res);
  };
}
