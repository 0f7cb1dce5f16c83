import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HealthOptions {
  /** The answer goes out by then whatever the store does (default 800 ms: inside a 1 s probe). */
  deadlineMs?: number;
  /** A ping's answer is reused for this long, so a burst of probes pings once (default 1 s). */
  freshForMs?: number;
  now?: () => number;
}

/**
 * GET /healthz → 200 when the database answers a ping, 503 otherwise — and 503 when the ping
 * has not answered by the deadline (a frozen or unreachable server), so a load balancer's
 * probe never hangs. Concurrent probes share one ping; its answer is kept for at most a second.
 */
export function healthHandler(ping: () => Promise<boolean>, options: HealthOptions = {}) {
  const deadlineMs = options.deadlineMs ?? 800;
  const freshForMs = options.freshForMs ?? 1_000;
  const now = options.now ?? Date.now;
  let last: { up: boolean; at: number } | undefined;
  let pending: Promise<boolean> | undefined;

  const storeAnswers = (): Promise<boolean> => {
    if (last && now() - last.at < freshForMs) return Promise.resolve(last.up);
    pending ??= ping()
      .catch(() => false)
      .then((up) => {
        last = { up, at: now() };
        return up;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return (_request: IncomingMessage, response: ServerResponse): void => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
    });
    void Promise.race([storeAnswers(), late]).then((up) => {
      clearTimeout(timer);
      if (response.headersSent) return;
      response.writeHead(up ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ status: up ? 'ok' : 'database unavailable' }));
    });
  };
}
