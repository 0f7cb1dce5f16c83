import type { FakeCore } from '../core.js';
import type { JsonObject } from '../types.js';
import { argString, fail, ok } from './registry.js';

/** A code Slack hands the browser after "Allow": who installed, into which team, with which bot token. */
export interface OAuthGrant {
  teamId: string;
  installerId: string;
  botToken: string;
}

/** The app's OAuth credentials as registered with the fake (Slack checks both on every exchange). */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

/**
 * oauth.v2.access: authenticated by client_id/client_secret (form fields or HTTP Basic), not by a
 * token; a code works once. Answers with the bot token of the team and the installing user.
 */
export function exchangeOAuthCode(
  core: FakeCore,
  app: OAuthApp | undefined,
  grants: Map<string, OAuthGrant>,
  args: JsonObject,
  basic: { id: string; secret: string } | undefined,
): JsonObject {
  const clientId = basic?.id ?? argString(args, 'client_id');
  const clientSecret = basic?.secret ?? argString(args, 'client_secret');
  if (!app || clientId !== app.clientId) return fail('invalid_client_id');
  if (clientSecret !== app.clientSecret) return fail('bad_client_secret');
  const code = argString(args, 'code') ?? '';
  const grant = grants.get(code);
  if (!grant) return fail('invalid_code');
  grants.delete(code);
  const token = core.workspace.tokens.get(grant.botToken);
  const team = core.workspace.teams.get(grant.teamId);
  if (!token || !team) return fail('invalid_code');
  return ok({
    access_token: token.token,
    token_type: 'bot',
    scope: token.scopes.join(','),
    bot_user_id: token.botUserId,
    app_id: token.appId,
    team: { id: team.id, name: team.name },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: grant.installerId },
  });
}
