import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../src/core/shared/ports.js';
import { connect, type Database } from '../src/infra/mongo/database.js';
import { ensureFerretdbBinary, startFerretdb } from '../src/infra/mongo/embedded-ferretdb.js';
import { progress } from './support.js';

export interface BenchDatabase {
  database: Database;
  uri: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh embedded FerretDB in /dev/shm for one bench section, removed afterwards. */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(
    join(process.platform === 'linux' ? '/dev/shm' : '/tmp', `interaction-log-bench-${name}-`),
  );
  const binary = await ensureFerretdbBinary({
    ...silentLogger,
    info: (message: string) => progress(message),
  });
  const server = await startFerretdb(binary, dataDir, silentLogger);
  const uri = `${server.uri.replace(/\/$/, '')}/bench`;
  const database = await connect(uri, { logger: silentLogger });
  return {
    database,
    uri,
    dataDir,
    async close() {
      await database.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
