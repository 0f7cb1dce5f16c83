import type { Context, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { MissingTenantError, tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';

/** Claims of handled events; one per event_id and workspace. */
export const EVENT_CLAIM_SCOPE = 'slack-event';

/** The workspace id when the request has a tenant; else the verified Slack team/org id. */
function claimWorkspace(context: Context): string | undefined {
  try {
    return tenantOf(context).workspace.id;
  } catch (error) {
    // app_uninstalled and tokens_revoked carry no user, hence no tenant.
    if (!(error instanceof MissingTenantError)) throw error;
  }
  const external =
    context.isEnterpriseInstall && context.enterpriseId ? context.enterpriseId : context.teamId;
  return external ? `slack:${external}` : undefined;
}

/**
 * Listener middleware: an event is handled once even when Slack redelivers it (X-Slack-Retry-Num
 * after a slow or failed answer, same event_id). Bolt does not dedupe, so the first delivery
 * claims the event_id; a failed first attempt releases it so the retry can do the work.
 */
export function oncePerEvent(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    const workspace = claimWorkspace(context);
    if (!eventId || !workspace) {
      await next();
      return;
    }
    const { exactlyOnce } = deps.container;
    const owner = { workspaceId: workspace };
    const claimed = await exactlyOnce.claim(owner, EVENT_CLAIM_SCOPE, eventId);
    if (!claimed) {
      deps.container.logger.info('Skipping an event already handled', {
        eventId,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
      });
      return;
    }
    try {
      await next();
    } catch (error) {
      await exactlyOnce.release(owner, EVENT_CLAIM_SCOPE, eventId);
      throw error;
    }
  };
}
