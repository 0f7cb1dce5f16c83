import { safeTimeZone } from '../exports/date-format.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/ports.js';
import type { PlatformFacts } from './arrival.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceChanges } from './workspace-changes.js';

/** What an adapter needs from the workspace service to turn a verified request into an Actor. */
export interface TenantResolver {
  resolveWorkspace(input: {
    platform: 'slack' | 'teams';
    externalId: string;
    name: string;
    /** The installer's zone, used only when this creates the workspace. */
    timezone?: string;
  }): Promise<Workspace>;
  resolveActor(input: {
    workspace: Workspace;
    userId: string;
    displayName: string;
    installer?: boolean;
    facts?: PlatformFacts;
    lookupFacts?: () => Promise<PlatformFacts | undefined>;
  }): Promise<Actor>;
}

/** A verified request's workspace and the person acting in it. */
export interface Tenant {
  workspace: Workspace;
  actor: Actor;
}

/** Dates in the workspace zone and format; a zone an admin mistyped falls back instead of throwing. */
export function renderOptionsOf(workspace: Pick<Workspace, 'settings'>): {
  timeZone: string;
  dateFormat: string;
} {
  const { timezone, dateFormat } = workspace.settings;
  return { timeZone: safeTimeZone(timezone), dateFormat };
}

const CACHE_TTL_MS = 30_000;

export interface TenantCache {
  /** The cached tenant for `key`, else the result of `load` (one load per key at a time). */
  get(key: string, load: () => Promise<Tenant>): Promise<Tenant>;
  /** Forget everything: the next request of this process reads again. */
  invalidate(): void;
}

/**
 * A short-lived cache of resolved tenants, so a cold path still answers inside the platform's
 * deadline (Slack: 3 s, Teams invokes: 5 s). Concurrent misses for the same person share one
 * lookup: after a restart a burst of requests costs one read, not one per request.
 * With `changes` (the container's), a write to a workspace's settings, lists or roles drops
 * that workspace's entries at once, whichever platform or use case wrote it; the expiry only
 * covers writes made by other processes.
 */
export function createTenantCache(
  clock: Clock,
  changes?: WorkspaceChanges,
  ttlMs = CACHE_TTL_MS,
): TenantCache {
  const cache = new Map<string, { tenant: Tenant; expiresAt: number }>();
  const inFlight = new Map<string, Promise<Tenant>>();
  let generation = 0;

  const lookup = (key: string, load: () => Promise<Tenant>): Promise<Tenant> => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = generation;
    const promise = load()
      .then((tenant) => {
        // A settings change while this lookup ran must not be overwritten by what it read.
        if (started === generation) cache.set(key, { tenant, expiresAt: clock.now().getTime() + ttlMs });
        return tenant;
      })
      .finally(() => {
        // After a change a newer lookup may own the key: leave it.
        if (inFlight.get(key) === promise) inFlight.delete(key);
      });
    inFlight.set(key, promise);
    return promise;
  };

  changes?.subscribe((workspaceId) => {
    // Lookups in flight may have read the old settings: none of them is kept.
    generation++;
    inFlight.clear();
    for (const [key, entry] of cache) if (entry.tenant.workspace.id === workspaceId) cache.delete(key);
  });

  return {
    async get(key, load) {
      const cached = cache.get(key);
      return cached && cached.expiresAt > clock.now().getTime() ? cached.tenant : lookup(key, load);
    },
    invalidate() {
      generation++;
      cache.clear();
      inFlight.clear();
    },
  };
}
