import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/shared/ports.js';
import { DEFAULT_DB_NAME } from '../infra/mongo/database.js';
import { SqliteStoreError } from '../infra/sqlite/database.js';

/** Where the embedded FerretDB of earlier versions kept the app's database under DATA_DIR. */
export function embeddedFerretdbFile(dataDir: string): string {
  return join(dataDir, 'ferretdb', `${DEFAULT_DB_NAME}.sqlite`);
}

/** Left next to a SQLite file while `db copy` fills it; removed once the counts match. */
export function copyInProgressMarker(sqlitePath: string): string {
  return `${sqlitePath}.copy-incomplete`;
}

export const MOVE_COMMAND = 'interaction-log db copy --from-embedded-ferretdb';

/**
 * Run before the SQLite store opens its file. Data of an earlier version is never ignored
 * silently, and a half-filled store never serves as if it were whole:
 * - DATA_DIR holds the embedded FerretDB database and no SQLite file yet: refuse, naming the
 *   command that moves it (and the two ways to decide otherwise: keep FerretDB, or move the
 *   old file away to start empty).
 * - A `db copy` into the file did not finish: refuse until it is run again.
 * - Both exist (the move was done): start, with a warning that the old files are unused.
 */
export function checkEarlierStore(dataDir: string, sqlitePath: string, logger: Logger): void {
  if (existsSync(copyInProgressMarker(sqlitePath))) {
    throw new SqliteStoreError(
      `A copy into ${sqlitePath} did not finish or its counts differed: run the same \`interaction-log db copy\` again (it resumes without duplicating) until every table matches, then start the app (or delete ${copyInProgressMarker(sqlitePath)} to start on the file as it is).`,
    );
  }
  const earlier = embeddedFerretdbFile(dataDir);
  if (!existsSync(earlier)) return;
  if (!existsSync(sqlitePath)) {
    throw new SqliteStoreError(
      `DATA_DIR holds the embedded FerretDB database of an earlier version (${earlier}), which the SQLite store does not read: move it into ${sqlitePath} with \`${MOVE_COMMAND}\` (starts FerretDB once; needs Go if it was never built), or set STORE=ferretdb to keep using it, or move ${join(dataDir, 'ferretdb')} out of DATA_DIR to start empty.`,
    );
  }
  logger.warn('DATA_DIR still holds the embedded FerretDB database of an earlier version; it is not used', {
    file: earlier,
    store: sqlitePath,
    hint: 'delete it once you have checked the copied data',
  });
}
