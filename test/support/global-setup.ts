import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { silentLogger } from '../../src/core/shared/ports.js';
import { ensureFerretdbBinary, startFerretdb } from '../../src/infra/mongo/embedded-ferretdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
  }
}

/**
 * One real server for the whole run: FerretDB (SQLite on tmpfs when available), or the
 * MongoDB given in TEST_MONGODB_URI. Each test file then gets its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_MONGODB_URI;
  if (external) {
    project.provide('mongoBaseUri', external.replace(/\/[^/]*$/, '/'));
    return async () => {};
  }
  const parent = process.platform === 'linux' ? '/dev/shm' : tmpdir();
  const dataDir = mkdtempSync(join(parent, 'interaction-log-test-'));
  const binary = await ensureFerretdbBinary({ ...silentLogger, info: (m) => console.log(m) });
  const server = await startFerretdb(binary, dataDir, silentLogger);
  project.provide('mongoBaseUri', server.uri);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
