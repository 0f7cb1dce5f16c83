import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../../core/shared/ports.js';
import {
  EmbeddedDatabaseUnavailable,
  type EmbeddedServer,
  ensureFerretdbBinary,
  startFerretdb,
} from './embedded-ferretdb.js';
import { ensureIndexes } from './ensure-indexes.js';

export const DEFAULT_DB_NAME = 'interaction_log';

export interface Database {
  connection: Connection;
  /** Where the app is connected, for logs; credentials stripped. */
  description: string;
  /** Whether the server answers within PING_DEADLINE_MS; concurrent callers share one ping. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  mongodbUri?: string;
  dataDir: string;
  logger: Logger;
  /** Turn on driver command monitoring (tests attach the portability guard to it). */
  monitorCommands?: boolean;
  /** The embedded server died for good (see startFerretdb's supervise): main.ts exits. */
  onStoreLost?: (reason: string) => void;
}

/**
 * MONGODB_URI when set; otherwise the embedded FerretDB under DATA_DIR; otherwise
 * mongodb-memory-server if it is installed; otherwise a message on how to set MONGODB_URI.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let uri = options.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedServer(options.dataDir, options.logger, options.onStoreLost);
    uri = `${embedded.uri.replace(/\/$/, '')}/${DEFAULT_DB_NAME}`;
  }
  const database = await connect(uri, options);
  return {
    ...database,
    description: embedded ? `embedded FerretDB (${options.dataDir})` : redactUri(uri),
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}

/**
 * Fail fast when the server is gone, so a person is answered inside the platform's ack window
 * (Slack: 3 s) and /healthz inside 1 s: server selection gives up after 1.5 s (the driver's
 * default is 30 s), a new connection after 2 s. A server that accepts connections but froze
 * is caught by the repositories' watchdog (outage.ts) and the ping's own deadline instead:
 * a socket timeout would also cut a legitimately long report.
 */
const MONGO_DEADLINES = {
  serverSelectionTimeoutMS: 1_500,
  connectTimeoutMS: 2_000,
  // Notice a server that is back (or gone) within 2 s rather than the default 10 s.
  heartbeatFrequencyMS: 2_000,
} as const;

/** How long a ping may take before the server counts as not answering. */
export const PING_DEADLINE_MS = 500;

export async function connect(
  uri: string,
  options: Pick<OpenDatabaseOptions, 'logger' | 'monitorCommands'>,
): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    autoIndex: false,
    autoCreate: false,
    monitorCommands: options.monitorCommands ?? false,
    ...MONGO_DEADLINES,
  });
  await connection.asPromise();
  await ensureIndexes(connection.getClient().db(connection.name), options.logger);
  let pinging: Promise<boolean> | undefined;
  const pingOnce = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_DEADLINE_MS);
    });
    const answered = connection
      .getClient()
      .db(connection.name)
      .command({ ping: 1 })
      .then(
        () => true,
        () => false,
      );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    connection,
    description: redactUri(uri),
    ping() {
      // A frozen server leaves pings hanging: one at a time, never a pile of them.
      pinging ??= pingOnce().finally(() => {
        pinging = undefined;
      });
      return pinging;
    },
    async close() {
      await connection.close();
    },
  };
}

async function startEmbeddedServer(
  dataDir: string,
  logger: Logger,
  onStoreLost: ((reason: string) => void) | undefined,
): Promise<EmbeddedServer> {
  try {
    const binary = await ensureFerretdbBinary(logger);
    const onGiveUp =
      onStoreLost ?? ((reason: string) => logger.error('The store stopped working', { reason }));
    return await startFerretdb(binary, join(dataDir, 'ferretdb'), logger, { supervise: { onGiveUp } });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseUnavailable)) throw error;
    logger.warn('Embedded FerretDB unavailable, trying mongodb-memory-server', { reason: error.message });
    return startMemoryServer(dataDir, error.message);
  }
}

/** A real mongod downloaded by mongodb-memory-server: only where the internet is reachable. */
async function startMemoryServer(dataDir: string, ferretdbReason: string): Promise<EmbeddedServer> {
  const moduleName = 'mongodb-memory-server';
  let memoryServer: {
    MongoMemoryServer: { create(options: object): Promise<{ getUri(): string; stop(): Promise<boolean> }> };
  };
  try {
    memoryServer = await import(moduleName);
  } catch {
    throw new EmbeddedDatabaseUnavailable(
      `No database: ${ferretdbReason}, and mongodb-memory-server is not installed. ` +
        'Set MONGODB_URI to a MongoDB 4.4+ server (e.g. MONGODB_URI=mongodb://127.0.0.1:27017/interaction_log), ' +
        'or install Go 1.24+ so the embedded FerretDB can be built.',
    );
  }
  const server = await memoryServer.MongoMemoryServer.create({
    instance: { dbPath: join(dataDir, 'mongod') },
  });
  return { uri: server.getUri(), stop: async () => void (await server.stop()) };
}

export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}
