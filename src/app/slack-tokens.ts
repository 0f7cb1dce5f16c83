import type { InstallationStore } from '@slack/oauth';
import type { WorkspaceRepository } from '../core/workspaces/workspace.repository.port.js';
import type { AppConfig, SlackMode } from '../infra/config/env.js';

/**
 * The bot token for a workspace outside any request (reminders, reports): the fixed
 * SLACK_BOT_TOKEN, or the workspace's installation (team install first, then org-wide).
 */
export function slackTokenResolver(
  config: AppConfig,
  mode: Exclude<SlackMode, { kind: 'off' }>,
  workspaces: WorkspaceRepository,
  installations: InstallationStore,
): (workspaceId: string) => Promise<string> {
  return async (workspaceId) => {
    if (mode.kind === 'single-workspace' && config.SLACK_BOT_TOKEN) return config.SLACK_BOT_TOKEN;
    const workspace = await workspaces.findById(workspaceId);
    if (!workspace) throw new Error(`Unknown workspace ${workspaceId}`);
    const externalId = workspace.externalId;
    const installation = await installations
      .fetchInstallation({ teamId: externalId, enterpriseId: undefined, isEnterpriseInstall: false })
      .catch(() =>
        installations.fetchInstallation({
          teamId: undefined,
          enterpriseId: externalId,
          isEnterpriseInstall: true,
        }),
      );
    const token = installation.bot?.token;
    if (!token) throw new Error(`The installation of ${externalId} has no bot token`);
    return token;
  };
}
