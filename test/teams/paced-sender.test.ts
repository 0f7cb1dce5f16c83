import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { describe, expect, it } from 'vitest';
import {
  ConversationPacer,
  type PacerClock,
  type RateRule,
} from '../../src/adapters/teams/notifiers/conversation-pacer.js';
import { pacedSender, type TeamsSender } from '../../src/adapters/teams/notifiers/teams-sender.js';

/** Virtual time: sleeps resolve in due order, and only when `settle` lets the clock advance. */
class VirtualClock implements PacerClock {
  private t = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  readonly slept: number[] = [];

  now = () => this.t;

  sleep = (ms: number) => {
    this.slept.push(ms);
    return new Promise<void>((resolve) => this.timers.push({ at: this.t + ms, resolve }));
  };

  /** Runs `work` to the end, advancing time to the next timer whenever everything else waits. */
  async settle<T>(work: Promise<T>): Promise<T> {
    let finished = false;
    const result = work.finally(() => {
      finished = true;
    });
    // The caller awaits it after the loop; until then a rejection is not unhandled.
    result.catch(() => undefined);
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      if (finished) break;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) continue;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    return result;
  }
}

/** What a connector counting accepted calls per sliding window (t > now - window) would refuse. */
function refusedBy(rules: readonly RateRule[], arrivals: number[]): number[] {
  return arrivals.filter((at, i) =>
    rules.some(
      (rule) => arrivals.slice(0, i).filter((earlier) => earlier > at - rule.windowMs).length >= rule.limit,
    ),
  );
}

const TEAMS_SHORT = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
];

describe('ConversationPacer', () => {
  it('lets sends through as early as every window allows, no earlier', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer(TEAMS_SHORT, clock);
    const starts: number[] = [];
    const all = Array.from({ length: 17 }, () => pacer.run('a', async () => starts.push(clock.now())));
    await clock.settle(Promise.all(all));
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 3000, 4000]);
    expect(refusedBy(TEAMS_SHORT, starts)).toEqual([]);
  });

  it('counts a send from its response, so a slow call holds its place in the window', async () => {
    const clock = new VirtualClock();
    const rules = [{ limit: 2, windowMs: 1_000 }];
    const pacer = new ConversationPacer(rules, clock);
    const starts: number[] = [];
    const slowSend = async () => {
      starts.push(clock.now());
      await clock.sleep(500);
    };
    await clock.settle(
      Promise.all([pacer.run('a', slowSend), pacer.run('a', slowSend), pacer.run('a', slowSend)]),
    );
    expect(starts).toEqual([0, 0, 1500]);
  });

  it('paces each conversation on its own', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer([{ limit: 3, windowMs: 1_000 }], clock);
    const starts: Record<string, number[]> = { a: [], b: [] };
    const sends = ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'].map((key) =>
      pacer.run(key, async () => starts[key]?.push(clock.now())),
    );
    await clock.settle(Promise.all(sends));
    expect(starts).toEqual({ a: [0, 0, 0, 1000], b: [0, 0, 0, 1000] });
  });

  it('keeps pacing after a send fails', async () => {
    const clock = new VirtualClock();
    const pacer = new ConversationPacer([{ limit: 1, windowMs: 1_000 }], clock);
    const first = pacer.run('a', async () => {
      throw new Error('boom');
    });
    await expect(clock.settle(first)).rejects.toThrow('boom');
    const started = await clock.settle(pacer.run('a', async () => clock.now()));
    expect(started).toBe(1000);
  });
});

/** An axios-shaped connector error, as the Teams SDK's HTTP client throws it. */
const connectorFailure = (status: number, retryAfter?: string) =>
  Object.assign(new Error(`Request failed with status code ${status}`), {
    response: { status, headers: retryAfter ? { 'retry-after': retryAfter } : {}, data: {} },
  });

function scriptedSender(outcomes: (Error | string)[]): TeamsSender & { posts: string[] } {
  const posts: string[] = [];
  return {
    posts,
    async postCard(_serviceUrl, conversationId) {
      posts.push(conversationId);
      const outcome = outcomes.shift() ?? 'sent';
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    openPersonalChat: async () => 'a:1chat',
  };
}

const CARD: IAdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body: [] };

describe('pacedSender', () => {
  it('retries a 429 after its Retry-After, once per refusal', async () => {
    const clock = new VirtualClock();
    const inner = scriptedSender([connectorFailure(429, '2'), connectorFailure(429, '1'), 'activity-1']);
    const sender = pacedSender(inner, { clock, rules: [] });
    const id = await clock.settle(sender.postCard('https://smba', 'a:1chat', CARD));
    expect(id).toBe('activity-1');
    expect(inner.posts).toHaveLength(3);
    expect(clock.slept).toEqual([2000, 1000]);
  });

  it('hands a long Retry-After back to the delivery schedule without waiting', async () => {
    const clock = new VirtualClock();
    const inner = scriptedSender([connectorFailure(429, '60')]);
    const sender = pacedSender(inner, { clock, rules: [] });
    await expect(clock.settle(sender.postCard('https://smba', 'a:1chat', CARD))).rejects.toMatchObject({
      response: { status: 429 },
    });
    expect([inner.posts.length, clock.slept]).toEqual([1, []]);
  });

  it('does not retry other failures (a 5xx may have been delivered)', async () => {
    const clock = new VirtualClock();
    const inner = scriptedSender([connectorFailure(502)]);
    const sender = pacedSender(inner, { clock, rules: [] });
    await expect(clock.settle(sender.postCard('https://smba', 'a:1chat', CARD))).rejects.toMatchObject({
      response: { status: 502 },
    });
    expect(inner.posts).toHaveLength(1);
  });

  it('paces channel thread replies with their channel', async () => {
    const clock = new VirtualClock();
    const inner = scriptedSender([]);
    const starts: number[] = [];
    const timed: TeamsSender = {
      ...inner,
      postCard: async (...args) => {
        starts.push(clock.now());
        return inner.postCard(...args);
      },
    };
    const sender = pacedSender(timed, { clock, rules: [{ limit: 1, windowMs: 1_000 }] });
    await clock.settle(
      Promise.all([
        sender.postCard('https://smba', '19:c@thread.tacv2', CARD),
        sender.postCard('https://smba', '19:c@thread.tacv2;messageid=17', CARD),
      ]),
    );
    expect(starts).toEqual([0, 1000]);
  });
});
