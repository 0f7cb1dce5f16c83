import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../../core/shared/ports.js';
import { createTenantCache, type Tenant, type TenantResolver } from '../../../core/workspaces/tenant.js';
import type { WorkspaceChanges } from '../../../core/workspaces/workspace-changes.js';
import { lookupSlackFacts } from './slack-profile.js';

export type { Tenant, TenantResolver };

const TENANT_KEY = 'interactionLogTenant';

/**
 * Resolves the tenant from the *verified* request context (team or org-wide enterprise id,
 * user id) — never from anything the user typed — through the core's short-lived tenant cache,
 * so a cold path still acks and opens modals well inside Slack's 3 seconds. With `changes` the
 * cache hears of every settings and role write, so no listener has to remember to refresh it.
 * The person's Slack profile (owner/admin, guest, time zone) is read with users.info only when
 * the core asks for it (a newcomer, or facts a day old), within a budget that keeps the ack in time.
 */
export function tenantMiddleware(
  resolver: TenantResolver,
  clock: Clock,
  changes?: WorkspaceChanges,
  profileBudgetMs?: number,
): { middleware: Middleware<AnyMiddlewareArgs>; invalidate(): void } {
  const cache = createTenantCache(clock, changes);

  const resolve = async (
    externalId: string,
    userId: string,
    body: unknown,
    client: WebClient,
  ): Promise<Tenant> => {
    const workspace = await resolver.resolveWorkspace({
      platform: 'slack',
      externalId,
      name: teamNameOf(body),
    });
    const actor = await resolver.resolveActor({
      workspace,
      userId,
      displayName: userNameOf(body) ?? userId,
      lookupFacts: () => lookupSlackFacts(client, userId, profileBudgetMs),
    });
    return { workspace, actor };
  };

  const middleware: Middleware<AnyMiddlewareArgs> = async ({ context, body, client, next }) => {
    const externalId =
      context.isEnterpriseInstall && context.enterpriseId ? context.enterpriseId : context.teamId;
    const userId = context.userId;
    if (externalId && userId) {
      context[TENANT_KEY] = await cache.get(`${externalId}|${userId}`, () =>
        resolve(externalId, userId, body, client),
      );
    }
    await next();
  };
  return { middleware, invalidate: cache.invalidate };
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
