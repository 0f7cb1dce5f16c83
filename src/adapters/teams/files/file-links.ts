import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** How long a CSV link works: long enough to open it tomorrow morning, short enough to not leak forever. */
export const FILE_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * What a download link gives: the workspace and member it was made for (the export re-runs
 * as that member, so a role change since is honoured), the filter, and when it stops working.
 */
const linkSchema = z.object({
  w: z.string().min(1),
  u: z.string().min(1),
  f: z.record(z.string(), z.unknown()),
  e: z.number().int(),
});
export type FileLinkClaims = z.infer<typeof linkSchema>;

export interface FileLinks {
  /** A URL that streams the CSV of `filter` for this member until it expires. */
  create(claims: Omit<FileLinkClaims, 'e'>, now: Date): { url: string; expiresAt: Date };
  /** The claims of a token this process (or one sharing its key) signed, if still valid. */
  verify(token: string, now: Date): FileLinkClaims | undefined;
}

export const FILE_ROUTE = '/teams/files';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * HMAC-signed, stateless links. The key is derived from TEAMS_CLIENT_SECRET so every instance
 * of the app accepts the others' links; without a secret (local playground) a random key per
 * process is used, and links die with the process.
 */
export function createFileLinks(options: { baseUrl: string; secret?: string | undefined }): FileLinks {
  const key = options.secret
    ? createHmac('sha256', 'interaction-log/teams-file-links').update(options.secret).digest()
    : randomBytes(32);
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    create(claims, now) {
      const expiresAt = new Date(now.getTime() + FILE_LINK_TTL_MS);
      const payload = b64(JSON.stringify({ ...claims, e: expiresAt.getTime() }));
      return { url: `${base}${FILE_ROUTE}/${payload}.${b64(sign(payload))}`, expiresAt };
    },
    verify(token, now) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const claims = linkSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
        return claims.e > now.getTime() ? claims : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
