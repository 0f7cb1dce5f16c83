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
  /**
   * The store cannot come back in this process (the SQLite file deleted or unusable, the
   * embedded FerretDB dying again and again): the caller exits so a supervisor restarts it.
   * A MongoDB server that goes away is not this: the driver reconnects by itself.
   */
  onStoreLost?: (reason: string) => void,
): Promise<Storage> {
  const lost = onStoreLost ? { onStoreLost } : {};
  if (!config.MONGODB_URI && config.STORE !== 'ferretdb') {
    checkEarlierStore(config.DATA_DIR, join(config.DATA_DIR, SQLITE_FILE_NAME), logger);
    return openSqliteStore({
      path: join(config.DATA_DIR, SQLITE_FILE_NAME),
      logger,
      ...(onStoreLost ? { onFileUnusable: onStoreLost } : {}),
    });
  }
  const database = await openDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    logger,
    ...lost,
  });
  return mongoStore(database);
}
