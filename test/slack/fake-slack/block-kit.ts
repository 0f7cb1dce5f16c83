import { checkBlock } from './block-kit-blocks.js';
import { Checker, isObject, newSurface } from './block-kit-checks.js';
import { checkText } from './block-kit-composition.js';
import { SLACK_LIMITS as L } from './limits.js';
import type { JsonObject } from './types.js';

/**
 * Slack's verdict on blocks or a view. `errors` hold Slack's sentences with their
 * json-pointer; the server echoes them as `errors` (messages) and as `[ERROR] …` lines in
 * `response_metadata.messages` (both surfaces).
 */
export type BlockKitVerdict =
  | { ok: true }
  | { ok: false; error: 'invalid_blocks' | 'invalid_blocks_format' | 'msg_blocks_too_long'; errors: string[] }
  | { ok: false; error: 'invalid_arguments' | 'view_too_large'; errors: string[] };

export interface MessageBlockOptions {
  /** Overrides SLACK_LIMITS.messageBlocksTextChars (the undocumented msg_blocks_too_long cut). */
  textLimit?: number;
}

/** Validates the `blocks` of chat.postMessage / postEphemeral / update and response_url posts. */
export function validateMessageBlocks(blocks: unknown, options: MessageBlockOptions = {}): BlockKitVerdict {
  if (!Array.isArray(blocks)) {
    return {
      ok: false,
      error: 'invalid_blocks_format',
      errors: ['must provide an array [json-pointer:/blocks]'],
    };
  }
  const c = new Checker('/blocks');
  const ctx = newSurface('message');
  c.each(blocks, '', 0, L.messageBlocks, (block, p) => checkBlock(c, ctx, block, p));
  if (c.errors.length > 0) return { ok: false, error: 'invalid_blocks', errors: c.errors };
  const textChars = countTextChars(blocks);
  const limit = options.textLimit ?? L.messageBlocksTextChars;
  if (textChars > limit) {
    return {
      ok: false,
      error: 'msg_blocks_too_long',
      errors: [`blocks hold ${textChars} text characters, over ${limit} [json-pointer:/blocks]`],
    };
  }
  return { ok: true };
}

export interface ViewOptions {
  /** Which view type the method accepts: views.open/push/update → modal, views.publish → home. */
  expect?: 'modal' | 'home';
}

const VIEW_KEYS = ['type', 'blocks', 'private_metadata', 'callback_id', 'external_id'];
const MODAL_KEYS = ['title', 'close', 'submit', 'clear_on_close', 'notify_on_close', 'submit_disabled'];

/** Validates a modal or Home tab view the way views.* do (`invalid_arguments`, /view pointers). */
export function validateView(view: unknown, options: ViewOptions = {}): BlockKitVerdict {
  const c = new Checker('/view');
  const v = c.object(view, '');
  if (!v) return { ok: false, error: 'invalid_arguments', errors: c.errors };
  if (Buffer.byteLength(JSON.stringify(v)) > L.viewJsonBytes) {
    return {
      ok: false,
      error: 'view_too_large',
      errors: ['view is greater than 250kb [json-pointer:/view]'],
    };
  }
  c.required(v, '', ['type', 'blocks']);
  const types = options.expect ? [options.expect] : ['modal', 'home'];
  c.oneOf(v.type, '/type', types);
  const isModal = v.type === 'modal';
  c.onlyKeys(v, '', isModal ? [...VIEW_KEYS, ...MODAL_KEYS] : VIEW_KEYS);
  if (isModal) checkModalChrome(c, v);
  c.optional(v, 'private_metadata', '', (x, p) => c.string(x, p, 0, L.privateMetadata));
  c.optional(v, 'callback_id', '', (x, p) => c.string(x, p, 0, L.callbackId));
  c.optional(v, 'external_id', '', (x, p) => c.string(x, p, 0, L.externalId));
  const ctx = newSurface(isModal ? 'modal' : 'home');
  const blocks = v.blocks === undefined ? undefined : c.array(v.blocks, '/blocks', 0, L.viewBlocks);
  for (const [i, block] of (blocks ?? []).entries()) checkBlock(c, ctx, block, `/blocks/${i}`);
  if (isModal && v.submit === undefined) {
    const firstInput = blocks?.findIndex((b) => isObject(b) && b.type === 'input') ?? -1;
    if (firstInput >= 0) {
      // Sentence and odd pointer as Slack returns them (seen in a real invalid_arguments answer).
      c.fail(`/blocks/${firstInput}/input`, 'must define `submit` to use an `input` block in modals');
    }
  }
  return c.errors.length > 0 ? { ok: false, error: 'invalid_arguments', errors: c.errors } : { ok: true };
}

function checkModalChrome(c: Checker, v: JsonObject): void {
  c.required(v, '', ['title']);
  c.optional(v, 'title', '', (x, p) => checkText(c, x, p, { max: L.modalTitle, plainOnly: true }));
  c.optional(v, 'submit', '', (x, p) => checkText(c, x, p, { max: L.modalButton, plainOnly: true }));
  c.optional(v, 'close', '', (x, p) => checkText(c, x, p, { max: L.modalButton, plainOnly: true }));
  for (const key of ['clear_on_close', 'notify_on_close', 'submit_disabled']) {
    c.optional(v, key, '', (x, p) => c.boolean(x, p));
  }
}

/** Characters of every `text` string anywhere in the blocks: what msg_blocks_too_long counts. */
export function countTextChars(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countTextChars(item), 0);
  if (!isObject(value)) return 0;
  let sum = 0;
  for (const [key, item] of Object.entries(value)) {
    sum += key === 'text' && typeof item === 'string' ? item.length : countTextChars(item);
  }
  return sum;
}

/**
 * Slack fills in a `block_id` on every block that lacks one (and returns it); the fake does
 * the same so tests see the shape an app gets back from Slack.
 */
export function withBlockIds(blocks: unknown[], makeId: () => string): JsonObject[] {
  return blocks
    .filter(isObject)
    .map((block) => (block.block_id === undefined ? { ...block, block_id: makeId() } : block));
}
