import type { Activity } from '@microsoft/teams.api';
import { ValidationError } from '../../core/shared/errors.js';
import type { Clock } from '../../core/shared/ports.js';
import { createTenantCache, type Tenant, type TenantResolver } from '../../core/workspaces/tenant.js';
import type { WorkspaceChanges } from '../../core/workspaces/workspace-changes.js';

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
 * role write through `changes`, so no listener has to remember to refresh it.
 */
export function teamsTenancy(
  resolver: TenantResolver,
  clock: Clock,
  changes: WorkspaceChanges,
): TeamsTenancy {
  const cache = createTenantCache(clock, changes);
  return {
    async tenantOf(activity) {
      const tenantId = tenantIdOf(activity);
      if (!tenantId) throw new MissingIdentityError('tenant');
      const userId = memberIdOf(activity);
      if (!userId) throw new MissingIdentityError('Entra user id');
      return cache.get(`${tenantId}|${userId}`, async () => {
        const workspace = await resolver.resolveWorkspace({
          platform: 'teams',
          externalId: tenantId,
          name: '',
        });
        const actor = await resolver.resolveActor({
          workspace,
          userId,
          displayName: activity.from?.name || userId,
        });
        return { workspace, actor };
      });
    },
  };
}
