/**
 * JWT-shaped bot tokens. The SDK decodes the token it is given (jwt-decode), so the fake
 * issues base64url `header.payload.signature` strings; the signature is random, not RSA.
 */
import { randomBytes } from 'node:crypto';

/** The audience of a Bot Connector token (scope `https://api.botframework.com/.default`). */
export const BOT_AUDIENCE = 'https://api.botframework.com';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface FakeTokenClaims {
  appid: string;
  aud?: string;
  tid?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

/** A JWT-shaped token like the one login.microsoftonline.com issues for the Bot Connector. */
export function fakeBotToken(
  appId: string,
  nowMs: number = Date.now(),
  claims: Partial<FakeTokenClaims> = {},
) {
  const iat = Math.floor(nowMs / 1000);
  const tid = claims.tid ?? 'd6d49420-f39b-4df7-a1dc-d59a935871db'; // the botframework.com tenant
  const payload = {
    aud: claims.aud ?? BOT_AUDIENCE,
    iss: `https://sts.windows.net/${tid}/`,
    iat,
    nbf: iat,
    exp: claims.exp ?? iat + 3600,
    appid: claims.appid ?? appId,
    appidacr: '1',
    idp: `https://sts.windows.net/${tid}/`,
    tid,
    ver: '1.0',
  };
  return `${b64url({ typ: 'JWT', alg: 'RS256', kid: 'fake-connector' })}.${b64url(payload)}.${randomBytes(32).toString('base64url')}`;
}

/** The payload of a JWT-shaped string, or undefined when it is not one. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the connector would refuse this Authorization header, or undefined when it accepts it:
 * a Bearer JWT whose audience is the Bot Framework and which has not expired.
 */
export function authProblem(header: string | undefined, nowMs: number): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return 'missing bearer token';
  const payload = decodeJwtPayload(match[1]!);
  if (!payload) return 'token is not a JWT';
  if (payload.aud !== BOT_AUDIENCE) return `audience ${JSON.stringify(payload.aud)} is not ${BOT_AUDIENCE}`;
  if (typeof payload.exp === 'number' && payload.exp * 1000 <= nowMs) return 'token expired';
  return undefined;
}
