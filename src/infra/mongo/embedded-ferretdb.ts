import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../core/shared/ports.js';
import { projectRoot } from './project-root.js';

/**
 * The embedded database: FerretDB 1.24.2 (SQLite backend) run by our Go wrapper in
 * tools/ferretdb. Built from the Go module proxy on first need into .cache/ and reused.
 */
export const FERRETDB_VERSION = 'v1.24.2';
const READY_TIMEOUT_MS = 30_000;
const BUILD_LOCK_STALE_MS = 10 * 60_000;

export class EmbeddedDatabaseUnavailable extends Error {}

export interface EmbeddedServer {
  uri: string;
  /** The running server process, when it is one of ours and alive (tests stop and freeze it). */
  pid?: () => number | undefined;
  /** Settles when the current server process has exited. */
  exited?: () => Promise<void>;
  stop(): Promise<void>;
}

export function ferretdbBinaryPath(root = projectRoot()): string {
  return join(root, '.cache', 'ferretdb', `ferretdb-${FERRETDB_VERSION}`);
}

function goAvailable(): boolean {
  const probe = spawnSync('go', ['version'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Builds the wrapper once; concurrent callers (test workers, two app processes) wait on a lock dir. */
export async function ensureFerretdbBinary(logger: Logger, root = projectRoot()): Promise<string> {
  const binary = ferretdbBinaryPath(root);
  if (existsSync(binary)) return binary;
  if (!goAvailable()) {
    throw new EmbeddedDatabaseUnavailable('Go is not installed, so the embedded FerretDB cannot be built');
  }
  const cacheDir = join(root, '.cache', 'ferretdb');
  mkdirSync(cacheDir, { recursive: true });
  const lock = join(cacheDir, 'build.lock');
  while (!tryLock(lock)) {
    if (existsSync(binary)) return binary;
    await sleep(500);
  }
  try {
    if (existsSync(binary)) return binary;
    logger.info('Building the embedded FerretDB from the Go module proxy (first run only, ~2 minutes)', {
      version: FERRETDB_VERSION,
    });
    const temporary = `${binary}.${process.pid}.tmp`;
    const build = spawnSync('go', ['build', '-trimpath', '-o', temporary, '.'], {
      cwd: join(root, 'tools', 'ferretdb'),
      env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      throw new EmbeddedDatabaseUnavailable(
        `go build of the embedded FerretDB failed: ${build.stderr.trim()}`,
      );
    }
    renameSync(temporary, binary);
    return binary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // A builder that died leaves its lock behind; take it over once it is clearly stale.
    if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > BUILD_LOCK_STALE_MS) {
      rmSync(lock, { recursive: true, force: true });
    }
    return false;
  }
}

export interface FerretdbOptions {
  /** host:port to listen on; a free loopback port by default. */
  listen?: string;
  /**
   * Keep it running (the app's embedded store): a child that dies is started again on the same
   * port and files, and the driver reconnects by itself. After MAX_RESTARTS deaths within a
   * minute, or a restart that fails, `onGiveUp` says why (main.ts exits for a supervisor).
   */
  supervise?: { onGiveUp(reason: string): void };
}

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** Starts FerretDB on a free loopback port (or `listen`) with its SQLite files under dataDir. */
export async function startFerretdb(
  binary: string,
  dataDir: string,
  logger: Logger,
  options: FerretdbOptions = {},
): Promise<EmbeddedServer> {
  const sqliteDir = resolve(dataDir);
  mkdirSync(sqliteDir, { recursive: true });
  const spawnChild = async (listen: string): Promise<{ child: ChildProcess; uri: string }> => {
    const child = spawn(binary, ['-sqlite-dir', sqliteDir, '-listen', listen, '-log-level', 'error'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const uri = await waitForReady(child);
    child.stderr?.on('data', (chunk: Buffer) => logger.warn('ferretdb', { output: chunk.toString().trim() }));
    return { child, uri };
  };
  let { child, uri } = await spawnChild(options.listen ?? '127.0.0.1:0');
  const address = new URL(uri).host;
  let stopping = false;
  const deaths: number[] = [];
  const watch = (watched: ChildProcess) => {
    watched.once('exit', (code, signal) => {
      if (stopping || !options.supervise) return;
      const { onGiveUp } = options.supervise;
      const now = Date.now();
      deaths.push(now);
      const recent = deaths.filter((at) => now - at < RESTART_WINDOW_MS).length;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (recent > MAX_RESTARTS) {
        onGiveUp(`The embedded FerretDB died ${recent} times within a minute (last: ${how}).`);
        return;
      }
      logger.warn('The embedded FerretDB died; starting it again on the same port', { exit: how, address });
      spawnChild(address).then(
        (started) => {
          child = started.child;
          watch(child);
        },
        (error: unknown) =>
          onGiveUp(`The embedded FerretDB died (${how}) and could not be started again: ${String(error)}`),
      );
    });
  };
  watch(child);
  return {
    uri,
    pid: () => (child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    exited: () =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((done) => child.once('exit', () => done())),
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.stdin?.end(); // the wrapper stops when its stdin closes
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EmbeddedDatabaseUnavailable(`FerretDB did not start within ${READY_TIMEOUT_MS} ms: ${stderr}`),
      );
    }, READY_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /READY (\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedDatabaseUnavailable(`FerretDB exited with code ${code}: ${stderr.trim()}`));
    });
  });
}
