import { AsyncLocalStorage } from 'node:async_hooks';
import { isDomainError } from './errors.js';
import { storeUnreachableIn } from './store-unreachable.js';

/**
 * Whether a failed request may have written something. "Your request did not go through" is
 * only true when no write had started: a timeout or a dropped connection during a write
 * leaves its outcome unknown (the database may have applied it), and telling people it failed
 * makes them log the same thing twice. Each request runs in a scope (runWriteScope); the
 * repositories note every write they start in it (journalingWrites).
 */
interface WriteScope {
  /** A write of this request succeeded, or failed in a way that may have applied it. */
  mayHaveWritten: boolean;
  /** Writes started and not settled yet: their outcome is unknown while they run. */
  inFlight: number;
}

const scopes = new AsyncLocalStorage<WriteScope>();

/** A failure that is not the user's, after a write had started: it may or may not be saved. */
export class WriteOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super(
      `A write may or may not have been applied: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'WriteOutcomeUnknownError';
  }
}

export type WriteOutcome = 'nothing-written' | 'unknown';

/**
 * What a failure means for the user's data. Refusals (domain errors) happen before any write.
 * Inside a scope, anything else after a write started is unknown; once the scope is left, the
 * failure carries it as WriteOutcomeUnknownError.
 */
export function writeOutcomeOf(error: unknown): WriteOutcome {
  if (error instanceof WriteOutcomeUnknownError) return 'unknown';
  if (isDomainError(error)) return 'nothing-written';
  if (storeUnreachableIn(error)?.mayHaveWritten) return 'unknown';
  const scope = scopes.getStore();
  return scope && writesMayHaveApplied(scope) ? 'unknown' : 'nothing-written';
}

function writesMayHaveApplied(scope: WriteScope): boolean {
  return scope.mayHaveWritten || scope.inFlight > 0;
}

/** Runs one request's work; a failure after a write started leaves as WriteOutcomeUnknownError. */
export async function runWriteScope<T>(work: () => Promise<T>): Promise<T> {
  const scope: WriteScope = { mayHaveWritten: false, inFlight: 0 };
  try {
    return await scopes.run(scope, work);
  } catch (error) {
    if (isDomainError(error) || error instanceof WriteOutcomeUnknownError) throw error;
    if (writesMayHaveApplied(scope) || storeUnreachableIn(error)?.mayHaveWritten) {
      throw new WriteOutcomeUnknownError(error);
    }
    throw error;
  }
}

/** Repository methods that only read, by the ports' naming; anything else counts as a write. */
const READ_METHOD = /^(find|list|count|search|page|stream|get|personal|conversation)/;

/** Whether a repository method only reads (the engines' outage guards use the same rule). */
export function isReadMethod(name: string): boolean {
  return READ_METHOD.test(name);
}

/**
 * Notes a write in the current request's scope until it settles: a success wrote, a refusal
 * or a store that surely never took it did not, anything else may have.
 */
function journalWrite(run: () => unknown): unknown {
  const scope = scopes.getStore();
  if (!scope) return run();
  scope.inFlight++;
  const settled = (applied: boolean) => {
    scope.inFlight--;
    if (applied) scope.mayHaveWritten = true;
  };
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    settled(mayHaveApplied(error));
    throw error;
  }
  if (!(result instanceof Promise)) {
    settled(true);
    return result;
  }
  return result.then(
    (value: unknown) => {
      settled(true);
      return value;
    },
    (error: unknown) => {
      settled(mayHaveApplied(error));
      throw error;
    },
  );
}

function mayHaveApplied(error: unknown): boolean {
  if (isDomainError(error)) return false;
  const unreachable = storeUnreachableIn(error);
  return unreachable ? unreachable.mayHaveWritten : true;
}

function journaling<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string' || READ_METHOD.test(property)) {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      // Errors pass as they are: callers outside a request (CLI, jobs) keep their own handling.
      return (...args: unknown[]) => journalWrite(() => value.apply(target, args));
    },
  });
}

/** The same repositories, noting each write they start in the current request's scope. */
export function journalingWrites<R extends object>(repositories: R): R {
  const wrapped: Record<string, unknown> = {};
  for (const [name, repository] of Object.entries(repositories)) {
    wrapped[name] =
      typeof repository === 'object' && repository !== null ? journaling(repository) : repository;
  }
  return wrapped as R;
}
