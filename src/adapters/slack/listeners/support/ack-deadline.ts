/**
 * Slack drops a view submission that is not answered within 3 seconds. A submission whose
 * write is still running at the deadline is acked with a "saving" view and finishes after.
 */
export interface AckDeadline {
  /** Settles when the submission must be answered, whatever the write is doing. */
  reached: Promise<void>;
  cancel(): void;
}

export type AckDeadlineFactory = () => AckDeadline;

/** 3 s minus room for the request's own travel, signature check and tenant lookup. */
export const SUBMISSION_WRITE_BUDGET_MS = 2_000;

export function timedAckDeadline(ms: number = SUBMISSION_WRITE_BUDGET_MS): AckDeadlineFactory {
  return () => {
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    return { reached, cancel: () => clearTimeout(timer) };
  };
}

export type Raced<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'late' };

/** The write's outcome if it settles before the deadline, else 'late' (the write goes on). */
export async function beforeDeadline<T>(work: Promise<T>, deadline: AckDeadlineFactory): Promise<Raced<T>> {
  const { reached, cancel } = deadline();
  try {
    return await Promise.race([
      work.then(
        (value): Raced<T> => ({ kind: 'done', value }),
        (error: unknown): Raced<T> => ({ kind: 'failed', error }),
      ),
      reached.then((): Raced<T> => ({ kind: 'late' })),
    ]);
  } finally {
    cancel();
  }
}
