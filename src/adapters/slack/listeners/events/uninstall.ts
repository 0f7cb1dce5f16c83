import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/**
 * F19: when a workspace uninstalls the app, or revokes its bot token, its stored installation is
 * deleted so no stale token is ever used again. Bolt delivers these two events even though
 * authorization for the workspace now fails. Data (contacts, interactions) stays: a reinstall
 * finds it again. A revoked *user* token alone changes nothing, since the app acts as its bot.
 */
type EventArgs<E extends 'app_uninstalled' | 'tokens_revoked'> = SlackEventMiddlewareArgs<E> &
  AllMiddlewareArgs;

export async function onAppUninstalled(
  { context }: EventArgs<'app_uninstalled'>,
  deps: SlackDeps,
): Promise<void> {
  await removeInstallation(context, deps, 'app_uninstalled');
}

/** Only a revoked bot token ends the installation; a revoked user token does not. */
export async function onTokensRevoked(
  { event, context }: EventArgs<'tokens_revoked'>,
  deps: SlackDeps,
): Promise<void> {
  if ((event.tokens.bot ?? []).length === 0) return;
  await removeInstallation(context, deps, 'tokens_revoked');
}

async function removeInstallation(context: Context, deps: SlackDeps, reason: string): Promise<void> {
  const store = deps.installationStore;
  const { teamId, enterpriseId } = context;
  // Single-workspace mode (a bot token from the environment) stores nothing to remove.
  if (!store?.deleteInstallation) return;
  if (context.isEnterpriseInstall === true && enterpriseId) {
    await store.deleteInstallation({ enterpriseId, teamId: undefined, isEnterpriseInstall: true });
  } else if (teamId) {
    await store.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall: false });
  } else {
    return;
  }
  const isEnterpriseInstall = context.isEnterpriseInstall === true;
  deps.container.logger.info('Slack installation removed', {
    reason,
    teamId,
    enterpriseId,
    isEnterpriseInstall,
  });
}
