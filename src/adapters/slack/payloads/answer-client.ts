import type { InstallationStore } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { AnswerClientFor } from './index.js';
import { loggedIdAt } from './shared.js';

/**
 * A client for telling someone their payload could not be read. Bolt never authorizes such a
 * request, so the token is found here: the one workspace's token, or the stored installation of
 * the team (or organisation) the payload names. None found: the answers that need no token
 * (ack, response_url) still reach the person.
 */
export function answerClientFor(
  botToken: string | undefined,
  installationStore: InstallationStore | undefined,
  options: WebClientOptions,
): AnswerClientFor {
  return async (body) => {
    if (botToken) return new WebClient(botToken, options);
    if (!installationStore) return undefined;
    const enterpriseId = loggedIdAt(body, 'enterprise', 'id') ?? loggedIdAt(body, 'enterprise_id');
    const teamId = loggedIdAt(body, 'team', 'id') ?? loggedIdAt(body, 'team_id');
    const isEnterpriseInstall =
      body !== null && typeof body === 'object' && 'is_enterprise_install' in body
        ? body.is_enterprise_install === true || body.is_enterprise_install === 'true'
        : false;
    if (!teamId && !enterpriseId) return undefined;
    const installation = await installationStore.fetchInstallation({
      teamId,
      enterpriseId,
      isEnterpriseInstall,
    });
    const token = installation.bot?.token;
    return token ? new WebClient(token, options) : undefined;
  };
}
