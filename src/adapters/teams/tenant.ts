import type { Activity } from '@microsoft/teams.api';
import { ValidationError } from '../../core/shared/errors.js';
import type { Clock } from '../../core/shared/ports.js';
import { createTenantCache, type Tenant, type TenantResolver } from '../../core/workspaces/tenant.js';
import type { WorkspaceChanges } from '../../core/workspaces/workspace-changes.js';
import { isInstall, type RosterLookup, timezoneOf } from './platform-facts.js';

export class MissingIdentityError extends ValidationError {
  constructor(what: string) {
    super({ identity: `This Teams request carries no ${what}, so it cannot be tied to your organisation.` });
  }
}

/** The Teams tenant of a verified activity: channelData.tenant.id, else conversation.tenantId. */
export function tenantIdOf(activity: Activity): string | undefined {
  const fromChannelData = activity.channelData?.tenant?.id;
  return fromChannelData ?? activity.conversation?.tenantId ?? undefined;
}

/** The member: the user's Entra (AAD) object id, stable across chats, apps and tenants' Teams clients. */
export function memberIdOf(activity: Activity): string | undefined {
  return activity.from?.aadObjectId ?? undefined;
}

export interface TeamsTenancy {
  tenantOf(activity: Activity): Promise<Tenant>;
}

/**
 * Resolves the workspace (platform 'teams', external id = tenant id) and the actor (AAD object
 * id) from the *verified* activity — never from anything typed — through the core's short
 * cache, so invokes answer well inside Teams' 5 seconds. The cache hears of every settings and
 * role write through `changes`, so no listener has to remember to refresh it. The facts that
 * decide a role come from Teams too: the install activity names the installer, the roster says
 * who is a guest (asked only when the core wants it), and every activity carries the sender's
 * time zone.
 */
export function teamsTenancy(
  resolver: TenantResolver,
  clock: Clock,
  changes: WorkspaceChanges,
  roster?: RosterLookup,
): TeamsTenancy {
  const cache = createTenantCache(clock, changes);
  const resolve = async (activity: Activity, tenantId: string, userId: string): Promise<Tenant> => {
    const installer = isInstall(activity);
    const timezone = timezoneOf(activity);
    const workspace = await resolver.resolveWorkspace({
      platform: 'teams',
      externalId: tenantId,
      name: '',
      ...(installer && timezone ? { timezone } : {}),
    });
    const actor = await resolver.resolveActor({
      workspace,
      userId,
      displayName: activity.from?.name || userId,
      installer,
      ...(timezone ? { facts: { timezone } } : {}),
      ...(roster ? { lookupFacts: () => roster(activity) } : {}),
    });
    return { workspace, actor };
  };
  return {
    async tenantOf(activity) {
      const tenantId = tenantIdOf(activity);
      if (!tenantId) throw new MissingIdentityError('tenant');
      const userId = memberIdOf(activity);
      if (!userId) throw new MissingIdentityError('Entra user id');
      // An install must reach the core, not a tenant cached before it.
      const key = `${tenantId}|${userId}`;
      if (isInstall(activity)) {
        cache.invalidate();
        return resolve(activity, tenantId, userId);
      }
      const tenant = await cache.get(key, () => resolve(activity, tenantId, userId));
      const timezone = timezoneOf(activity);
      // The zone this very activity was sent from is the person's own now, even if travel moved it.
      if (timezone && timezone !== tenant.actor.timezone) {
        return { ...tenant, actor: { ...tenant.actor, timezone } };
      }
      return tenant;
    },
  };
}
