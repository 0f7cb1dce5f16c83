import { isObject } from './block-kit-checks.js';
import type { JsonObject } from './types.js';

export interface ParsedBody {
  fields: JsonObject;
  /** Multipart file parts by field name. */
  files: Record<string, Buffer>;
}

/** Args Slack takes as JSON-encoded strings in form bodies (what WebClient sends). */
const JSON_ARGS = ['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls'];

/**
 * Parses what Slack accepts: urlencoded (WebClient's default), JSON, and multipart
 * (WebClient switches to it when an arg is a Buffer, e.g. the upload POST).
 */
export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const parsed: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    return { fields: isObject(parsed) ? parsed : {}, files: {} };
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    return boundary ? parseMultipart(raw, boundary) : { fields: {}, files: {} };
  }
  return { fields: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: {} };
}

/** Decodes JSON-string args in place; an undecodable one stays a string for the method to reject. */
export function decodeJsonArgs(fields: JsonObject): JsonObject {
  const out: JsonObject = { ...fields };
  for (const key of JSON_ARGS) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    try {
      out[key] = JSON.parse(value);
    } catch {
      // Left as the raw string: methods answer invalid_blocks_format / invalid_arguments.
    }
  }
  return out;
}

function parseMultipart(raw: Buffer, boundary: string): ParsedBody {
  const fields: JsonObject = {};
  const files: Record<string, Buffer> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, partStart);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = raw.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const isFile = /filename="/i.test(headers);
      if (name !== undefined && isFile) files[name] = Buffer.from(content);
      else if (name !== undefined) fields[name] = content.toString('utf8');
    }
    start = next;
  }
  return { fields, files };
}
