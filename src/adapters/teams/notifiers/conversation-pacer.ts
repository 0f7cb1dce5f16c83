/** One sliding-window budget: at most `limit` sends in any `windowMs`. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacerClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Send {
  /** When the service had answered (so had counted it); undefined while in flight. */
  doneAt?: number;
  settled: Promise<void>;
  finish(at: number): void;
}

function newSend(): Send {
  let finish: (at: number) => void = () => {};
  const send: Send = {
    settled: new Promise<void>((resolve) => {
      finish = (at) => {
        send.doneAt = at;
        resolve();
      };
    }),
    finish: (at) => finish(at),
  };
  return send;
}

/** The sends of one conversation, and the queue of those waiting to be let through. */
class Lane {
  readonly sends: Send[] = [];
  private gate: Promise<unknown> = Promise.resolve();
  waiting = 0;

  constructor(
    private readonly rules: readonly RateRule[],
    private readonly clock: PacerClock,
    private readonly longestWindowMs: number,
  ) {}

  /** Resolves with this send's record once every rule has room; admissions are one at a time. */
  admit(): Promise<Send> {
    this.waiting++;
    const turn = this.gate.then(() => this.waitForRoom());
    this.gate = turn.catch(() => undefined);
    return turn.finally(() => {
      this.waiting--;
    });
  }

  private async waitForRoom(): Promise<Send> {
    for (;;) {
      const now = this.clock.now();
      this.forgetBefore(now - this.longestWindowMs);
      let waitMs = 0;
      let inFlight: Promise<void> | undefined;
      for (const rule of this.rules) {
        // The send `limit` places back leaves the window at doneAt + windowMs; the ones after it
        // are at most limit - 1, so that is the only one that decides.
        const decisive = this.sends[this.sends.length - rule.limit];
        if (!decisive) continue;
        if (decisive.doneAt === undefined) {
          inFlight = decisive.settled;
          break;
        }
        waitMs = Math.max(waitMs, decisive.doneAt + rule.windowMs - now);
      }
      if (inFlight) await inFlight;
      else if (waitMs > 0) await this.clock.sleep(waitMs);
      else {
        const send = newSend();
        this.sends.push(send);
        return send;
      }
    }
  }

  private forgetBefore(cutoff: number): void {
    while (this.sends[0]?.doneAt !== undefined && this.sends[0].doneAt < cutoff) this.sends.shift();
  }

  idleSince(cutoff: number): boolean {
    const last = this.sends.at(-1);
    return this.waiting === 0 && (!last || (last.doneAt !== undefined && last.doneAt < cutoff));
  }
}

/** Lanes kept before idle ones (nothing sent within the longest window) are dropped. */
const LANES_BEFORE_SWEEP = 1_000;

/**
 * Keeps a process's sends to each conversation inside the service's per-conversation limits,
 * so a burst of reminders to one person is spread out instead of refused (Teams answers 429 and
 * its Retry-After is whole seconds, so pacing up front is much faster than backing off).
 * A send counts from when its response arrived — by then the service has counted it — so the
 * pacer never runs ahead of the service's own window, whatever the network latency.
 * Per process: several workers share a conversation's budget only through the 429 path.
 */
export class ConversationPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly longestWindowMs: number;

  constructor(
    private readonly rules: readonly RateRule[],
    private readonly clock: PacerClock = realPacerClock,
  ) {
    this.longestWindowMs = Math.max(0, ...rules.map((rule) => rule.windowMs));
  }

  async run<T>(conversation: string, send: () => Promise<T>): Promise<T> {
    if (this.rules.length === 0) return send();
    const record = await this.lane(conversation).admit();
    try {
      return await send();
    } finally {
      record.finish(this.clock.now());
    }
  }

  private lane(conversation: string): Lane {
    let lane = this.lanes.get(conversation);
    if (!lane) {
      if (this.lanes.size >= LANES_BEFORE_SWEEP) this.sweep();
      lane = new Lane(this.rules, this.clock, this.longestWindowMs);
      this.lanes.set(conversation, lane);
    }
    return lane;
  }

  private sweep(): void {
    const cutoff = this.clock.now() - this.longestWindowMs;
    for (const [conversation, lane] of this.lanes) {
      if (lane.idleSince(cutoff)) this.lanes.delete(conversation);
    }
  }
}
