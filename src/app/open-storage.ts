import { join } from 'node:path';
import type { Logger } from '../core/shared/ports.js';
import type { AppConfig } from '../infra/config/env.js';
import { openDatabase } from '../infra/mongo/database.js';
import { mongoStore } from '../infra/mongo/open-mongo-store.js';
import { openSqliteStore } from '../infra/sqlite/open-sqlite-store.js';
import type { Storage } from '../infra/storage.js';
import { checkEarlierStore } from './earlier-store-check.js';

export const SQLITE_FILE_NAME = 'interaction-log.sqlite';

/**
 * The one place that picks the storage engine: MONGODB_URI when set; otherwise one SQLite file
 * under DATA_DIR, or, with STORE=ferretdb (development and tests of the MongoDB path), the
 * embedded FerretDB built from Go.
 */
export async function openStorage(
  config: Pick<AppConfig, 'MONGODB_URI' | 'DATA_DIR' | 'STORE'>,
  logger: Logger,
): Promise<Storage> {
  if (!config.MONGODB_URI && config.STORE !== 'ferretdb') {
    checkEarlierStore(config.DATA_DIR, join(config.DATA_DIR, SQLITE_FILE_NAME), logger);
    return openSqliteStore({ path: join(config.DATA_DIR, SQLITE_FILE_NAME), logger });
  }
  const database = await openDatabase({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR, logger });
  return mongoStore(database);
}
