import { AsyncLocalStorage } from 'node:async_hooks';
import { isDomainError } from './errors.js';

/**
 * Whether a failed request may have written something. "Your request did not go through" is
 * only true when no write had started: a timeout or a dropped connection during a write
 * leaves its outcome unknown (the database may have applied it), and telling people it failed
 * makes them log the same thing twice. Each request runs in a scope (runWriteScope); the
 * repositories note every write they start in it (journalingWrites).
 */
interface WriteScope {
  writeStarted: boolean;
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
  return scopes.getStore()?.writeStarted ? 'unknown' : 'nothing-written';
}

/** Runs one request's work; a failure after a write started leaves as WriteOutcomeUnknownError. */
export async function runWriteScope<T>(work: () => Promise<T>): Promise<T> {
  const scope: WriteScope = { writeStarted: false };
  try {
    return await scopes.run(scope, work);
  } catch (error) {
    if (scope.writeStarted && !isDomainError(error) && !(error instanceof WriteOutcomeUnknownError)) {
      throw new WriteOutcomeUnknownError(error);
    }
    throw error;
  }
}

/** Repository methods that only read, by the ports' naming; anything else counts as a write. */
const READ_METHOD = /^(find|list|count|search|page|stream|get|personal|conversation)/;

function noteWriteStarted(): void {
  const scope = scopes.getStore();
  if (scope) scope.writeStarted = true;
}

function journaling<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string' || READ_METHOD.test(property)) {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      // Errors pass as they are: callers outside a request (CLI, jobs) keep their own handling.
      return (...args: unknown[]) => {
        noteWriteStarted();
        return value.apply(target, args);
      };
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
