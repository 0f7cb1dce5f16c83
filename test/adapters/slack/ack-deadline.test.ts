import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  beforeDeadline,
  SUBMISSION_WRITE_BUDGET_MS,
  timedAckDeadline,
} from '../../../src/adapters/slack/listeners/support/ack-deadline.js';

/**
 * The production deadline, on a clock the test moves: the HTTP tests inject their own
 * deadlines (never, or already passed), so this is where the 2 s of production is held.
 */
describe('the production ack deadline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether `promise` has settled once the timers due now have run. */
  async function settledNow(promise: Promise<unknown>): Promise<boolean> {
    let settled = false;
    void promise.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await vi.advanceTimersByTimeAsync(0);
    return settled;
  }

  it('is reached 2 s after it starts, not before', async () => {
    expect(SUBMISSION_WRITE_BUDGET_MS).toBe(2_000);
    const { reached } = timedAckDeadline()();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(await settledNow(reached)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledNow(reached)).toBe(true);
  });

  it('answers with the write when it settles first, and stops the timer', async () => {
    const raced = beforeDeadline(Promise.resolve('saved'), timedAckDeadline());
    expect(await raced).toEqual({ kind: 'done', value: 'saved' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a write that failed before the deadline as failed', async () => {
    const error = new Error('refused');
    expect(await beforeDeadline(Promise.reject(error), timedAckDeadline())).toEqual({
      kind: 'failed',
      error,
    });
  });

  it('answers "late" at 2 s when the write is still running, and the write goes on', async () => {
    let finish: (value: string) => void = () => {};
    const write = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const raced = beforeDeadline(write, timedAckDeadline());
    await vi.advanceTimersByTimeAsync(1_999);
    expect(await settledNow(raced)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await raced).toEqual({ kind: 'late' });
    finish('saved after the ack');
    expect(await write).toBe('saved after the ack');
  });
});
