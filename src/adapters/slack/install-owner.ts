import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Installation, InstallURLOptions } from '@slack/oauth';
import { defaultCallbackSuccess } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger } from '../../core/shared/ports.js';
import type { TenantResolver } from '../../core/workspaces/tenant.js';
import { slackFactsOf } from './middleware/slack-profile.js';

/**
 * After an OAuth install: the installing user starts as an owner, and the workspace (when this
 * creates it) takes their time zone. Slack said who installed, with the token it just granted.
 */
export async function recordSlackInstaller(
  installation: Installation,
  tenants: TenantResolver,
  webClientOptions: WebClientOptions,
): Promise<void> {
  const userId = installation.user.id;
  const externalId =
    installation.isEnterpriseInstall && installation.enterprise
      ? installation.enterprise.id
      : installation.team?.id;
  const token = installation.bot?.token;
  if (!externalId || !userId || !token) return;
  const { user } = await new WebClient(token, webClientOptions).users.info({ user: userId });
  const facts = user ? slackFactsOf(user) : {};
  const workspace = await tenants.resolveWorkspace({
    platform: 'slack',
    externalId,
    name: installation.team?.name ?? installation.enterprise?.name ?? '',
    ...(facts.timezone ? { timezone: facts.timezone } : {}),
  });
  await tenants.resolveActor({
    workspace,
    userId,
    displayName: user?.real_name || user?.name || userId,
    installer: true,
    facts,
  });
}

/** Bolt's OAuth success callback: record the installer, then show Slack's usual success page. */
export function installSuccessCallback(
  tenants: TenantResolver,
  webClientOptions: WebClientOptions,
  logger: Logger,
) {
  return async (
    installation: Installation,
    options: InstallURLOptions,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> => {
    try {
      await recordSlackInstaller(installation, tenants, webClientOptions);
    } catch (error) {
      // The install itself succeeded; a platform admin can still take over as owner later.
      logger.warn('Slack installer not recorded as owner', { error: String(error) });
    }
    defaultCallbackSuccess(installation, options, req, res);
  };
}
