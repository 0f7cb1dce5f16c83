import { accessSync, constants, type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Longest a read goes on without looking at the file itself when no watch event came: a
 * safety net for an event the kernel dropped (a full inotify queue) or a change the watches
 * cannot see (a parent folder moved away).
 */
export const SQLITE_FILE_RECHECK_MS = 1_000;

export interface SqliteFileWatchOptions {
  /** The clock the read-side recheck is measured on (ms); tests inject their own. */
  now?: () => number;
  /** See SQLITE_FILE_RECHECK_MS. */
  recheckMs?: number;
  /** Watch the file and its folder (default true). Without watches every call stats the file. */
  watch?: boolean;
  /** A watch event found the file unusable: said at once, before any call comes. */
  onUnusable?: (reason: string) => void;
}

interface Identity {
  dev: number;
  ino: number;
  mode: number;
  uid: number;
  gid: number;
}

/**
 * The file this connection opened. A connection keeps working on a deleted or replaced file
 * (its inode lives on until closed), so writes would go to a file nobody will ever open again;
 * a file this user can no longer read and write could not be opened by a restart either.
 *
 * Writes (and /healthz) stat the file every time: they are what must never go to a dead file.
 * Reads do not pay a syscall each: the file and its folder are watched (inotify on Linux), an
 * event about the file makes it checked at once, and a read checks it anyway when the last
 * check is older than `recheckMs`. So a read in the instant between a delete and its event may
 * still answer from the deleted file; nothing is written there. Where watching is not
 * possible, every call checks, as before.
 */
export class SqliteFileWatch {
  private readonly identity: Identity | undefined;
  private readonly now: () => number;
  private recheckMs: number;
  private readonly watchers: FSWatcher[] = [];
  private checkedAt = Number.NEGATIVE_INFINITY;
  private lastProblem: string | undefined;

  constructor(
    private readonly path: string,
    private readonly options: SqliteFileWatchOptions = {},
  ) {
    const stat = path === ':memory:' ? undefined : statSync(path, { throwIfNoEntry: false });
    this.identity = stat
      ? { dev: stat.dev, ino: stat.ino, mode: stat.mode, uid: stat.uid, gid: stat.gid }
      : undefined;
    this.now = options.now ?? Date.now;
    const watching = this.identity !== undefined && options.watch !== false && this.startWatching();
    this.recheckMs = watching ? (options.recheckMs ?? SQLITE_FILE_RECHECK_MS) : 0;
  }

  /** Before a read: the last check's answer while it is fresh and no event came since. */
  beforeRead(): string | undefined {
    if (this.lastProblem === undefined && this.now() - this.checkedAt < this.recheckMs) return undefined;
    return this.problem();
  }

  /** Why the file is no longer usable, or undefined while it is: always one stat. */
  problem(): string | undefined {
    this.checkedAt = this.now();
    this.lastProblem = this.inspect();
    return this.lastProblem;
  }

  close(): void {
    for (const watcher of this.watchers.splice(0)) watcher.close();
  }

  private inspect(): string | undefined {
    if (!this.identity) return undefined;
    const stat = statSync(this.path, { throwIfNoEntry: false });
    if (!stat) return `The database file ${this.path} was deleted while the app was running.`;
    if (stat.dev !== this.identity.dev || stat.ino !== this.identity.ino)
      return `The database file ${this.path} was replaced while the app was running.`;
    // Access can only have changed if the owner or the permission bits did: ask the kernel then.
    const { mode, uid, gid } = this.identity;
    if (stat.mode === mode && stat.uid === uid && stat.gid === gid) return undefined;
    try {
      accessSync(this.path, constants.R_OK | constants.W_OK);
    } catch {
      return `The database file ${this.path} can no longer be read and written by this user.`;
    }
    return undefined;
  }

  /**
   * The folder's watch sees the file deleted, renamed, replaced by a rename over it, or its
   * permissions changed; the file's own watch sees its inode unlinked or changed. SQLite's
   * -wal and -shm files change on every write: their events are dropped by name, unchecked.
   * false when a watch cannot be set up (no inotify, out of watches).
   */
  private startWatching(): boolean {
    const name = basename(this.path);
    const onEvent = () => {
      const problem = this.problem();
      if (problem) this.options.onUnusable?.(problem);
    };
    try {
      this.watchers.push(
        watch(dirname(this.path), { persistent: false }, (_event, filename) => {
          if (filename === null || filename === name) onEvent();
        }),
        watch(this.path, { persistent: false }, onEvent),
      );
    } catch {
      this.close();
      return false;
    }
    for (const watcher of this.watchers) {
      // A watch that breaks (its folder removed) leaves only the stat: check on every call.
      watcher.on('error', () => {
        this.close();
        this.recheckMs = 0;
        onEvent();
      });
    }
    return true;
  }
}
