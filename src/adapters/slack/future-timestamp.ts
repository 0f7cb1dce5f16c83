import type { RequestHandler } from 'express';

/** Slack's replay window: a signed request may be at most this far from our clock. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/**
 * Bolt refuses a signed request stamped more than five minutes in the past but accepts any
 * timestamp ahead of its clock, so a captured request signed "in the future" stays replayable
 * long after it was sent. This runs before Bolt's own verification (which still checks the
 * signature and the past side) and refuses the future side with the same 401.
 * `nowMs` is the wall clock Bolt compares with, injectable so tests need not wait.
 */
export function refuseFutureSlackRequests(nowMs: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    const stamped = Number(Array.isArray(header) ? header[0] : header);
    // Missing or malformed timestamps are left to Bolt, which refuses them.
    if (Number.isFinite(stamped) && stamped - Math.floor(nowMs() / 1000) > SLACK_TIMESTAMP_WINDOW_SECONDS) {
      res.status(401).send();
      return;
    }
    next();
  };
}
