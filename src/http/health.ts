import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** GET /healthz → 200 when the database answers a ping, 503 otherwise. */
export function healthHandler(ping: () => Promise<boolean>) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    void ping().then((up) => {
      response.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: up ? 'ok' : 'database unavailable' }));
    });
  };
}

/** A server with only the health route, for processes that serve no Slack HTTP traffic. */
export function startHealthServer(port: number, ping: () => Promise<boolean>): Promise<Server> {
  const health = healthHandler(ping);
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') return health(request, response);
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not found' }));
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
