import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthHandler } from '../../src/http/health.js';
import { HEALTH_PROBE_MS } from './support/outage-stores.js';

/** /healthz whatever the ping does: a store that never answers must not hold the probe. */
describe('/healthz deadline', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  async function probe(
    ping: () => Promise<boolean>,
    now?: () => number,
    between: () => void = () => {},
  ): Promise<number[]> {
    server = createServer(healthHandler(ping, now ? { now } : {}));
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) {
      if (i > 0) between();
      statuses.push((await fetch(url, { signal: AbortSignal.timeout(HEALTH_PROBE_MS) })).status);
    }
    return statuses;
  }

  it('answers 503 inside the probe when the ping never settles, and shares that one ping', async () => {
    let pings = 0;
    const statuses = await probe(() => {
      pings++;
      return new Promise<boolean>(() => {});
    });
    expect(statuses).toEqual([503, 503]);
    expect(pings).toBe(1);
  });

  it('answers 503 when the ping fails, and pings again once its answer is a second old', async () => {
    let pings = 0;
    let clock = 0;
    const statuses = await probe(
      async () => {
        pings++;
        throw new Error('refused');
      },
      () => clock,
      () => {
        clock += 1_000;
      },
    );
    expect(statuses).toEqual([503, 503]);
    expect(pings).toBe(2);
  });
});
