import { StoreUnreachableError } from '../../core/shared/store-unreachable.js';
import { isReadMethod } from '../../core/shared/write-outcome.js';
import { aroundRepositoryCalls } from '../repository-calls.js';

/**
 * Driver errors that mean the server was never reached: the command was not sent, so nothing
 * was written. (Server selection gives up after serverSelectionTimeoutMS; see database.ts.)
 */
const NEVER_SENT = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoClientClosedError',
]);
/** A connection was there and stopped answering: a write may or may not have been applied. */
const LOST_ON_THE_WAY = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoOperationTimeoutError',
]);

/** The StoreUnreachableError an engine error means, or undefined when it is some other failure. */
export function mongoStoreUnreachable(method: string, error: unknown): StoreUnreachableError | undefined {
  if (!(error instanceof Error)) return undefined;
  if (NEVER_SENT.has(error.name)) return new StoreUnreachableError('unreachable', false, error);
  if (LOST_ON_THE_WAY.has(error.name))
    return new StoreUnreachableError('not-answering', !isReadMethod(method), error);
  return undefined;
}

/** How long a call may run before the server is asked whether it still answers. */
export const MONGO_STUCK_AFTER_MS = 1_200;

export interface MongoOutageOptions {
  /** Whether the server answers a ping within its own short deadline. */
  answers(): Promise<boolean>;
  stuckAfterMs?: number;
}

/**
 * The repositories with driver failures turned into StoreUnreachableError, and a watchdog for
 * a server that holds the connection open but stopped answering (a frozen process): a call
 * still running after `stuckAfterMs` makes the store ping; when the ping does not answer in
 * its deadline either, the call fails as unreachable (a write as "may have been saved") so
 * the person is answered inside the platform's ack window. A slow call on a server that
 * answers pings (a large report) is left to finish.
 */
export function guardMongoRepositories<R extends object>(repositories: R, options: MongoOutageOptions): R {
  const stuckAfterMs = options.stuckAfterMs ?? MONGO_STUCK_AFTER_MS;

  const watched = (method: string, call: Promise<unknown>): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void options.answers().then((up) => {
          if (!up) reject(new StoreUnreachableError('not-answering', !isReadMethod(method)));
        });
      }, stuckAfterMs);
      timer.unref();
    });
    const mapped = call.then(undefined, (error: unknown) => {
      throw mongoStoreUnreachable(method, error) ?? error;
    });
    return Promise.race([mapped, stuck]).finally(() => clearTimeout(timer));
  };

  return aroundRepositoryCalls(repositories, (method, run) => {
    const result = run();
    return result instanceof Promise ? watched(method, result) : result;
  });
}
