export interface RateLimitRule {
  /** Calls allowed per window. */
  limit: number;
  windowMs: number;
  /** Retry-After to send; default: seconds until the oldest call leaves the window (min 1). */
  retryAfterSec?: number;
  /** Slack limits "per API method per workspace per app": default true. */
  perTeam?: boolean;
}

export interface InjectedFailure {
  /** HTTP status: 429 answers `ratelimited` with Retry-After; 5xx answers an HTTP error. */
  status?: number;
  /** The `error` code; with no status (or 200) this is a plain `ok:false` platform error. */
  error?: string;
  /** Retry-After seconds for a 429 (default 1); `null` omits the header, as some proxies do. */
  retryAfter?: number | null;
  /** How many consecutive calls fail (default 1). */
  times?: number;
}

export interface ForcedReply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * Sliding-window budgets per method (and team) on the fake clock, and one-shot failures.
 * Rejected calls do not use up budget, as on Slack only served calls count.
 */
export class RateLimiter {
  private readonly rules = new Map<string, RateLimitRule>();
  private readonly hits = new Map<string, number[]>();
  private readonly failures = new Map<string, Array<InjectedFailure & { left: number }>>();

  clear(): void {
    this.rules.clear();
    this.hits.clear();
    this.failures.clear();
  }

  /** Drops injected failures no call used up, so they cannot leak into the next test step. */
  clearFailures(): void {
    this.failures.clear();
  }

  setRule(method: string, rule: RateLimitRule): void {
    this.rules.set(method, rule);
  }

  failNext(method: string, failure: InjectedFailure): void {
    const queue = this.failures.get(method) ?? [];
    queue.push({ ...failure, left: failure.times ?? 1 });
    this.failures.set(method, queue);
  }

  /** The injected failure for this call, if any (method-specific first, then `*`). */
  takeFailure(method: string): ForcedReply | undefined {
    for (const key of [method, '*']) {
      const queue = this.failures.get(key);
      const next = queue?.[0];
      if (!queue || !next) continue;
      next.left -= 1;
      if (next.left <= 0) queue.shift();
      return failureReply(next);
    }
    return undefined;
  }

  /** A 429 reply when the method's budget for this team is spent; otherwise counts the call. */
  check(method: string, teamId: string, now: number): ForcedReply | undefined {
    const rule = this.rules.get(method);
    if (!rule) return undefined;
    const key = rule.perTeam === false ? method : `${method}:${teamId}`;
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < rule.windowMs);
    this.hits.set(key, recent);
    if (recent.length >= rule.limit) {
      const waitMs = recent[0]! + rule.windowMs - now;
      const retryAfter = rule.retryAfterSec ?? Math.max(1, Math.ceil(waitMs / 1000));
      return rateLimited(retryAfter);
    }
    recent.push(now);
    return undefined;
  }
}

function rateLimited(retryAfter: number | null): ForcedReply {
  const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
  return { status: 429, headers, body: { ok: false, error: 'ratelimited' } };
}

function failureReply(failure: InjectedFailure): ForcedReply {
  const status = failure.status ?? 200;
  if (status === 429) {
    const reply = rateLimited(failure.retryAfter === undefined ? 1 : failure.retryAfter);
    if (failure.error) reply.body.error = failure.error;
    return reply;
  }
  const error = failure.error ?? (status >= 500 ? 'internal_error' : 'fatal_error');
  return { status, headers: {}, body: { ok: false, error } };
}
