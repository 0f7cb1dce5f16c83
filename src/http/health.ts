import { createServer, type Server } from 'node:http';

/** GET /healthz → 200 when the database answers a ping, 503 otherwise. */
export function startHealthServer(port: number, ping: () => Promise<boolean>): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      void ping().then((up) => {
        response.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: up ? 'ok' : 'database unavailable' }));
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not found' }));
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
