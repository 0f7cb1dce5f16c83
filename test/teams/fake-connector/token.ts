/**
 * The fake Entra ID token endpoint: `POST /{tenant}/oauth2/v2.0/token` with a form-encoded
 * client_credentials grant, as MSAL sends to login.microsoftonline.com/botframework.com.
 */
import type { Response, Router } from 'express';
import { fakeBotToken } from './jwt.js';
import type { ConnectorState } from './state.js';

/** The tenant the SDK logs in through for the Bot Connector scope. */
export const BOT_LOGIN_TENANT = 'botframework.com';
export const TOKEN_PATH = `/${BOT_LOGIN_TENANT}/oauth2/v2.0/token`;

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

export function tokenRoutes(router: Router, state: ConnectorState): void {
  router.post('/:tenant/oauth2/v2.0/token', (req, res) => {
    const form: Record<string, unknown> = req.is('application/x-www-form-urlencoded') ? (req.body ?? {}) : {};
    const field = (name: string) =>
      typeof form[name] === 'string' && form[name] !== '' ? form[name] : undefined;
    const required = (name: string) =>
      oauthError(
        res,
        400,
        'invalid_request',
        `AADSTS900144: The request body must contain the following parameter: '${name}'.`,
      );
    if (!field('grant_type')) return required('grant_type');
    if (field('grant_type') !== 'client_credentials') {
      return oauthError(
        res,
        400,
        'unsupported_grant_type',
        'AADSTS70003: The app requested an unsupported grant type.',
      );
    }
    const clientId = field('client_id');
    if (!clientId) return required('client_id');
    if (!field('client_secret') && !field('client_assertion')) {
      return oauthError(
        res,
        401,
        'invalid_client',
        "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      );
    }
    const scope = field('scope');
    if (!scope) return required('scope');
    const resource = scope.replace(/\/\.default$/, '');
    if (!scope.endsWith('/.default')) {
      return oauthError(
        res,
        400,
        'invalid_scope',
        `AADSTS1002012: The provided value for scope ${scope} is not valid.`,
      );
    }
    res.status(200).json({
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: fakeBotToken(clientId, state.now(), {
        aud: resource,
        ...(/^[0-9a-f-]{36}$/i.test(req.params.tenant) ? { tid: req.params.tenant } : {}),
      }),
    });
  });
}
