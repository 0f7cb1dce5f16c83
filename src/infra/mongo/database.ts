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
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  mongodbUri?: string;
  dataDir: string;
  logger: Logger;
  /** Turn on driver command monitoring (tests attach the portability guard to it). */
  monitorCommands?: boolean;
}

/**
 * MONGODB_URI when set; otherwise the embedded FerretDB under DATA_DIR; otherwise
 * mongodb-memory-server if it is installed; otherwise a message on how to set MONGODB_URI.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let uri = options.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedServer(options.dataDir, options.logger);
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

export async function connect(
  uri: string,
  options: Pick<OpenDatabaseOptions, 'logger' | 'monitorCommands'>,
): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    autoIndex: false,
    autoCreate: false,
    monitorCommands: options.monitorCommands ?? false,
    serverSelectionTimeoutMS: 10_000,
  });
  await connection.asPromise();
  await ensureIndexes(connection.getClient().db(connection.name), options.logger);
  return {
    connection,
    description: redactUri(uri),
    async ping() {
      try {
        await connection.getClient().db(connection.name).command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await connection.close();
    },
  };
}

async function startEmbeddedServer(dataDir: string, logger: Logger): Promise<EmbeddedServer> {
  try {
    const binary = await ensureFerretdbBinary(logger);
    return await startFerretdb(binary, join(dataDir, 'ferretdb'), logger);
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
