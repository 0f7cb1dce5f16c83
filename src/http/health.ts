import type { IncomingMessage, ServerResponse } from 'node:http';

/** GET /healthz → 200 when the database answers a ping, 503 otherwise. */
export function healthHandler(ping: () => Promise<boolean>) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    void ping().then((up) => {
      response.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: up ? 'ok' : 'database unavailable' }));
    });
  };
}
