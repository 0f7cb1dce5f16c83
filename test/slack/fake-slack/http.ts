import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJsonArgs, parseBody } from './body.js';
import type { FakeCore } from './core.js';
import { METHOD_SCOPES } from './limits.js';
import { handleUpload } from './methods/files.js';
import { METHODS } from './methods/index.js';
import { exchangeOAuthCode } from './methods/oauth.js';
import { handleResponseUrl } from './response-urls.js';
import type { FakeToken, JsonObject } from './types.js';

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: JsonObject;
}

/** Routes: /api/<method>, /upload/v1/<file>, /response/<id>, GET /files-pri/<file>/… */
export function requestListener(core: FakeCore) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        route(core, req, res, Buffer.concat(chunks));
      } catch (error) {
        // A bug in the fake must surface in the test, not look like a Slack answer.
        send(res, {
          status: 500,
          body: { ok: false, error: 'fake_slack_internal_error', detail: String(error) },
        });
      }
    });
  };
}

function route(core: FakeCore, req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
  const url = new URL(req.url ?? '/', 'http://fake');
  const path = url.pathname;
  const method = path.startsWith('/api/')
    ? decodeURIComponent(path.slice('/api/'.length))
    : path.startsWith('/response/')
      ? 'response_url'
      : undefined;
  const drop = method === undefined ? undefined : core.drops.get(method);
  if (drop && method !== undefined) {
    // As if Slack never got it: not handled, not recorded, the connection cut.
    core.drops.delete(method);
    drop();
    res.destroy();
    return;
  }
  if (path.startsWith('/api/')) {
    send(res, handleApi(core, req, url, raw));
  } else if (path.startsWith('/upload/v1/') && req.method === 'POST') {
    handleUploadRequest(core, req, res, path.slice('/upload/v1/'.length), raw);
  } else if (path.startsWith('/response/') && req.method === 'POST') {
    const id = decodeURIComponent(path.slice('/response/'.length));
    const body = parseResponseBody(req, raw);
    const failure = core.limiter.takeFailure('response_url');
    const reply = failure ?? handleResponseUrl(core, id, body);
    record(core, 'response_url', body, undefined, reply);
    send(res, reply);
  } else if (path.startsWith('/files-pri/') && req.method === 'GET') {
    downloadFile(core, req, res, path);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** oauth.v2.access accepts the client credentials as HTTP Basic auth too. */
function basicAuth(req: IncomingMessage): { id: string; secret: string } | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const [id, secret] = Buffer.from(header.slice('Basic '.length), 'base64').toString().split(':');
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}

function handleApi(core: FakeCore, req: IncomingMessage, url: URL, raw: Buffer): Reply {
  const method = decodeURIComponent(url.pathname.slice('/api/'.length));
  let parsed: JsonObject;
  try {
    parsed = {
      ...Object.fromEntries(url.searchParams),
      ...parseBody(req.headers['content-type'], raw).fields,
    };
  } catch {
    return finish(core, method, {}, undefined, { status: 200, body: { ok: false, error: 'invalid_json' } });
  }
  const { token: bodyToken, ...rest } = decodeJsonArgs(parsed);
  if (method === 'oauth.v2.access') {
    const body = exchangeOAuthCode(core, core.oauthApp, core.oauthGrants, rest, basicAuth(req));
    return finish(core, method, rest, undefined, { status: 200, body });
  }
  const token = bearer(req) ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
  const handler = METHODS[method];
  if (!handler) {
    return finish(core, method, rest, token, {
      status: 200,
      body: { ok: false, error: 'unknown_method', req_method: method },
    });
  }
  const injected = core.limiter.takeFailure(method);
  if (injected) return finish(core, method, rest, token, injected);
  const auth = token === undefined ? undefined : core.workspace.tokens.get(token);
  const authError =
    token === undefined ? 'not_authed' : !auth ? 'invalid_auth' : auth.revoked ? 'token_revoked' : undefined;
  if (authError || !auth)
    return finish(core, method, rest, token, { status: 200, body: { ok: false, error: authError } });
  // Slack reports the token's scopes and the method's accepted ones; no-scope methods send none.
  const accepted = METHOD_SCOPES[method];
  const scopeHeaders: Record<string, string> = {
    'x-oauth-scopes': auth.scopes.join(','),
    ...(accepted ? { 'x-accepted-oauth-scopes': accepted.join(',') } : {}),
  };
  const limited = core.limiter.check(method, auth.teamId, core.now());
  if (limited)
    return finish(core, method, rest, token, {
      ...limited,
      headers: { ...limited.headers, ...scopeHeaders },
    });
  const missing = missingScope(method, auth);
  const body = missing ?? handler({ args: rest, auth, core });
  return finish(core, method, rest, token, { status: 200, headers: scopeHeaders, body });
}

function missingScope(method: string, auth: FakeToken): JsonObject | undefined {
  const needed = METHOD_SCOPES[method];
  if (!needed || needed.some((scope) => auth.scopes.includes(scope))) return undefined;
  return { ok: false, error: 'missing_scope', needed: needed.join(','), provided: auth.scopes.join(',') };
}

function finish(
  core: FakeCore,
  method: string,
  args: JsonObject,
  token: string | undefined,
  reply: Reply,
): Reply {
  record(core, method, args, token, reply);
  return reply;
}

function record(
  core: FakeCore,
  method: string,
  args: JsonObject,
  token: string | undefined,
  reply: Reply,
): void {
  const ok = reply.body.ok === true;
  const error = typeof reply.body.error === 'string' ? reply.body.error : undefined;
  core.calls.push({
    method,
    args,
    token,
    time: core.now(),
    status: reply.status,
    ok,
    error,
    response: reply.body,
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

/** Bolt's respond() posts JSON; some clients post `payload=<json>` forms. Both are accepted. */
function parseResponseBody(req: IncomingMessage, raw: Buffer): JsonObject {
  try {
    const { fields } = parseBody(req.headers['content-type'], raw);
    return typeof fields.payload === 'string' ? decodeJsonArgs({ ...JSON.parse(fields.payload) }) : fields;
  } catch {
    return {};
  }
}

function handleUploadRequest(
  core: FakeCore,
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string,
  raw: Buffer,
): void {
  const { files } = req.headers['content-type']?.startsWith('multipart/')
    ? parseBody(req.headers['content-type'], raw)
    : { files: { body: raw } };
  const bytes = files.body ?? Object.values(files)[0] ?? Buffer.alloc(0);
  const injected = core.limiter.takeFailure('file_upload');
  const reply = injected
    ? { status: injected.status, text: JSON.stringify(injected.body) }
    : handleUpload(core, fileId, bytes);
  record(core, 'file_upload', { file_id: fileId, bytes: bytes.length }, bearer(req), {
    status: reply.status,
    body: { ok: reply.status === 200 },
  });
  res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.text);
}

/** url_private downloads: need a valid token of the file's team, like Slack's. */
function downloadFile(core: FakeCore, req: IncomingMessage, res: ServerResponse, path: string): void {
  const fileId = path.split('/')[2] ?? '';
  const file = core.files.get(fileId);
  const auth = core.workspace.tokens.get(bearer(req) ?? '');
  if (!file?.content || !file.completed || !auth || auth.revoked || auth.teamId !== file.teamId) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
}
