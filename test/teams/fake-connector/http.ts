/** Express plumbing shared by the fake connector's routes: recording, auth, error bodies. */
import type { NextFunction, Request, Response } from 'express';
import { authProblem } from './jwt.js';
import type { ConnectorState } from './state.js';
import type { ConnectorError } from './types.js';

/** What a handler learnt about the call, for the recorded entry. */
export interface CallContext {
  conversationId?: string;
  activityId?: string;
}

export function connectorError(code: string, message: string): ConnectorError {
  return { error: { code, message } };
}

/** Sends the Bot Connector's `{ error: { code, message } }` body. */
export function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json(connectorError(code, message));
}

export function noteCall(res: Response, context: CallContext): void {
  Object.assign(res.locals, context);
}

/** Records every request once its response has been sent. */
export function recorder(state: ConnectorState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.on('finish', () => {
      const { conversationId, activityId } = res.locals as CallContext;
      state.calls.push({
        method: req.method,
        path: req.originalUrl,
        ...(conversationId !== undefined ? { conversationId } : {}),
        ...(activityId !== undefined ? { activityId } : {}),
        body: req.body,
        status: res.statusCode,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
    });
    next();
  };
}

/** The connector answers 401 to a missing, malformed, wrongly addressed or expired token. */
export function requireBearer(state: ConnectorState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = state.requireAuth ? authProblem(req.headers.authorization, state.now()) : undefined;
    if (!problem) {
      next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="botframework"');
    // The real service's 401 body (an ASP.NET authorization failure, not the `error` envelope).
    res.status(401).json({ message: 'Authorization has been denied for this request.' });
  };
}

/** Parse failures and oversized bodies get the connector's answers instead of Express's HTML. */
export function errorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(err);
    return;
  }
  const type = typeof err === 'object' && err !== null && 'type' in err ? err.type : undefined;
  if (type === 'entity.too.large') fail(res, 413, 'MessageSizeTooBig', 'Message size too large.');
  else if (type === 'entity.parse.failed') fail(res, 400, 'BadSyntax', 'The request body is not valid JSON.');
  else fail(res, 500, 'ServiceError', err instanceof Error ? err.message : String(err));
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
