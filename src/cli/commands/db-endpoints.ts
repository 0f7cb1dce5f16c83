import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { embeddedFerretdbFile } from '../../app/earlier-store-check.js';
import { SQLITE_FILE_NAME } from '../../app/open-storage.js';
import type { Logger } from '../../core/shared/ports.js';
import type { AppConfig } from '../../infra/config/env.js';
import { connect, type Database, DEFAULT_DB_NAME, redactUri } from '../../infra/mongo/database.js';
import { ensureFerretdbBinary, startFerretdb } from '../../infra/mongo/embedded-ferretdb.js';
import { MongoTransferStore } from '../../infra/mongo/transfer/mongo-transfer-store.js';
import { SqliteTransferStore } from '../../infra/sqlite/transfer/sqlite-transfer-store.js';
import type { TransferStore } from '../../infra/transfer/transfer-tables.js';
import { CliError, UsageError } from '../cli-io.js';

/** One end of a copy, as typed on the command line. */
export type Endpoint =
  | { kind: 'mongodb'; uri: string }
  | { kind: 'sqlite'; path: string }
  | { kind: 'ferretdb'; dataDir: string };

export const ENDPOINT_FORMS = `  mongodb://host:port/db   a MongoDB (or FerretDB) server
  sqlite:FILE              a SQLite file (a path ending in .sqlite or .db works too)
  ferretdb:DATA_DIR        the embedded FerretDB database an earlier version kept under DATA_DIR`;

export function parseEndpoint(text: string, flag: string): Endpoint {
  if (/^mongodb(\+srv)?:\/\//.test(text)) return { kind: 'mongodb', uri: text };
  if (text.startsWith('sqlite:')) return { kind: 'sqlite', path: text.slice('sqlite:'.length) };
  if (text.startsWith('ferretdb:')) return { kind: 'ferretdb', dataDir: text.slice('ferretdb:'.length) };
  if (/\.(sqlite|db)$/.test(text)) return { kind: 'sqlite', path: text };
  throw new UsageError(`--${flag} must be mongodb://…, sqlite:FILE or ferretdb:DATA_DIR, got "${text}".`);
}

/** The store the app itself opens with this configuration. */
export function configuredEndpoint(config: Pick<AppConfig, 'MONGODB_URI' | 'DATA_DIR' | 'STORE'>): Endpoint {
  if (config.MONGODB_URI) return { kind: 'mongodb', uri: config.MONGODB_URI };
  if (config.STORE === 'ferretdb') return { kind: 'ferretdb', dataDir: config.DATA_DIR };
  return { kind: 'sqlite', path: join(config.DATA_DIR, SQLITE_FILE_NAME) };
}

export function describeEndpoint(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'mongodb':
      return redactUri(endpoint.uri);
    case 'sqlite':
      return `sqlite:${endpoint.path}`;
    case 'ferretdb':
      return `ferretdb:${endpoint.dataDir}`;
  }
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  if (a.kind === 'mongodb' && b.kind === 'mongodb') return a.uri === b.uri;
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return resolve(a.path) === resolve(b.path);
  if (a.kind === 'ferretdb' && b.kind === 'ferretdb') return resolve(a.dataDir) === resolve(b.dataDir);
  return false;
}

/**
 * Opens one end. A source must already hold data: an empty SQLite file or FerretDB directory
 * would be created by opening it, and copying "nothing" would look like a success.
 */
export async function openEndpoint(
  endpoint: Endpoint,
  role: 'source' | 'target',
  logger: Logger,
): Promise<TransferStore> {
  switch (endpoint.kind) {
    case 'mongodb':
      return new MongoTransferStore(await connect(endpoint.uri, { logger }), logger);
    case 'sqlite':
      if (role === 'source' && !existsSync(endpoint.path)) {
        throw new CliError(`There is no SQLite file at ${endpoint.path} to copy from.`);
      }
      return SqliteTransferStore.open(endpoint.path, logger);
    case 'ferretdb':
      if (role === 'source' && !existsSync(embeddedFerretdbFile(endpoint.dataDir))) {
        throw new CliError(
          `There is no embedded FerretDB database under ${endpoint.dataDir} (${embeddedFerretdbFile(endpoint.dataDir)} is missing).`,
        );
      }
      return new MongoTransferStore(await startEmbedded(endpoint.dataDir, logger), logger);
  }
}

/**
 * The earlier version's embedded FerretDB on its directory, as the app started it — and only
 * that: the app's fallback to an empty mongodb-memory-server would make the copy "succeed"
 * with nothing in it. Without the binary and without Go this fails, saying so.
 */
async function startEmbedded(dataDir: string, logger: Logger): Promise<Database> {
  const binary = await ensureFerretdbBinary(logger);
  const server = await startFerretdb(binary, join(dataDir, 'ferretdb'), logger);
  try {
    const database = await connect(`${server.uri.replace(/\/$/, '')}/${DEFAULT_DB_NAME}`, { logger });
    return {
      ...database,
      description: `embedded FerretDB (${dataDir})`,
      async close() {
        await database.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
