/**
 * Fault injection for failure tests: wraps the REAL repositories and makes one chosen call
 * hang or fail, as a database that stops answering would. Not a mock: every other call goes
 * to the database, and the call itself goes there too once a hung gate is released.
 */
export interface Gate {
  /** Settles when the hung call has been made. */
  called: Promise<void>;
  /** Lets the call through to the database. */
  release(): void;
  /** Makes the call fail with `error` (a timeout, a dropped connection). */
  fail(error: Error): void;
}

type Fault = { kind: 'hang'; opened: Promise<void>; wasCalled: () => void } | { kind: 'fail'; error: Error };

export class RepositoryFaults {
  private readonly planned = new Map<string, Fault>();

  /** The next call of `repository.method` waits for the returned gate. */
  hangNext(repository: string, method: string): Gate {
    let wasCalled = () => {};
    const called = new Promise<void>((resolve) => {
      wasCalled = resolve;
    });
    let release = () => {};
    let fail: (error: Error) => void = () => {};
    const opened = new Promise<void>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
    this.planned.set(`${repository}.${method}`, { kind: 'hang', opened, wasCalled });
    return { called, release, fail };
  }

  /** The next call of `repository.method` fails with `error` without reaching the database. */
  failNext(repository: string, method: string, error: Error): void {
    this.planned.set(`${repository}.${method}`, { kind: 'fail', error });
  }

  wrap<R extends object>(repositories: R): R {
    const wrapped: Record<string, unknown> = {};
    for (const [name, repository] of Object.entries(repositories)) {
      wrapped[name] =
        typeof repository === 'object' && repository !== null ? this.wrapOne(name, repository) : repository;
    }
    return wrapped as R;
  }

  private wrapOne<T extends object>(name: string, repository: T): T {
    const planned = this.planned;
    return new Proxy(repository, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const key = `${name}.${String(property)}`;
          const fault = planned.get(key);
          if (!fault) return value.apply(target, args);
          planned.delete(key);
          if (fault.kind === 'fail') return Promise.reject(fault.error);
          fault.wasCalled();
          return fault.opened.then(() => value.apply(target, args));
        };
      },
    });
  }
}

/** What the MongoDB driver reports when the server does not answer in time. */
export function databaseTimeout(): Error {
  return Object.assign(new Error('Server selection timed out after 10000 ms'), {
    name: 'MongoServerSelectionError',
  });
}
