import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Actor } from '../../../core/shared/actor.js';
import type { Clock } from '../../../core/shared/ports.js';
import type { Workspace } from '../../../core/workspaces/workspace.js';

/** What the adapter needs from the workspace service to turn a verified request into an Actor. */
export interface TenantResolver {
  resolveWorkspace(input: { platform: 'slack'; externalId: string; name: string }): Promise<Workspace>;
  resolveActor(input: { workspace: Workspace; userId: string; displayName: string }): Promise<Actor>;
}

export interface Tenant {
  workspace: Workspace;
  actor: Actor;
}

const TENANT_KEY = 'interactionLogTenant';
const CACHE_TTL_MS = 30_000;

/**
 * Resolves the tenant from the *verified* request context (team or org-wide enterprise id,
 * user id) — never from anything the user typed — and caches it briefly so a cold path still
 * acks and opens modals well inside Slack's 3 seconds. Concurrent misses for the same person
 * share one lookup: after a restart a burst of requests costs one read, not one per request.
 */
export function tenantMiddleware(
  resolver: TenantResolver,
  clock: Clock,
): { middleware: Middleware<AnyMiddlewareArgs>; invalidate(): void } {
  const cache = new Map<string, { tenant: Tenant; expiresAt: number }>();
  const inFlight = new Map<string, Promise<Tenant>>();
  let generation = 0;

  const resolve = async (externalId: string, userId: string, body: unknown): Promise<Tenant> => {
    const workspace = await resolver.resolveWorkspace({
      platform: 'slack',
      externalId,
      name: teamNameOf(body),
    });
    const actor = await resolver.resolveActor({
      workspace,
      userId,
      displayName: userNameOf(body) ?? userId,
    });
    return { workspace, actor };
  };

  const lookup = (key: string, externalId: string, userId: string, body: unknown): Promise<Tenant> => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = generation;
    const promise = resolve(externalId, userId, body)
      .then((tenant) => {
        // A settings change while this lookup ran must not be overwritten by what it read.
        if (started === generation) {
          cache.set(key, { tenant, expiresAt: clock.now().getTime() + CACHE_TTL_MS });
        }
        return tenant;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };

  const middleware: Middleware<AnyMiddlewareArgs> = async ({ context, body, next }) => {
    const externalId =
      context.isEnterpriseInstall && context.enterpriseId ? context.enterpriseId : context.teamId;
    const userId = context.userId;
    if (externalId && userId) {
      const key = `${externalId}|${userId}`;
      const cached = cache.get(key);
      context[TENANT_KEY] =
        cached && cached.expiresAt > clock.now().getTime()
          ? cached.tenant
          : await lookup(key, externalId, userId, body);
    }
    await next();
  };
  const invalidate = () => {
    generation++;
    cache.clear();
    inFlight.clear();
  };
  return { middleware, invalidate };
}

export class MissingTenantError extends Error {}

/** The tenant of this request; listeners for user actions can rely on it being present. */
export function tenantOf(context: Context): Tenant {
  const value: unknown = context[TENANT_KEY];
  if (typeof value === 'object' && value !== null && 'workspace' in value && 'actor' in value)
    return value as Tenant;
  throw new MissingTenantError('This request carries no team and user, so it has no tenant');
}

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null && key in source
    ? (source as Record<string, unknown>)[key]
    : undefined;
}

function teamNameOf(body: unknown): string {
  const domain = field(field(body, 'team'), 'domain') ?? field(body, 'team_domain');
  return typeof domain === 'string' ? domain : '';
}

function userNameOf(body: unknown): string | undefined {
  const user = field(body, 'user');
  const name = field(user, 'name') ?? field(user, 'username') ?? field(body, 'user_name');
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}
