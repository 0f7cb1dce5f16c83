import type { Checker } from './block-kit-checks.js';
import { SLACK_LIMITS as L } from './limits.js';
import type { JsonObject } from './types.js';

/** Block Kit composition objects: text, options, confirm dialogs, filters, images. */

export interface TextOptions {
  max: number;
  plainOnly?: boolean;
}

/** A plain_text / mrkdwn text object: type enum, non-empty text, max length. */
export function checkText(c: Checker, value: unknown, path: string, opts: TextOptions): void {
  const before = c.errors.length;
  checkTextFields(c, value, path, opts);
  // A text that may be plain_text or mrkdwn is a oneOf for Slack, which prefixes the inner
  // errors with this line (seen verbatim in real invalid_blocks answers).
  if (!opts.plainOnly && c.errors.length > before) {
    c.errors.splice(before, 0, `failed to match all allowed schemas [json-pointer:${c.root}${path}]`);
  }
}

function checkTextFields(c: Checker, value: unknown, path: string, opts: TextOptions): void {
  const text = c.object(value, path);
  if (!text) return;
  const plain = text.type === 'plain_text';
  c.onlyKeys(text, path, plain ? ['type', 'text', 'emoji'] : ['type', 'text', 'verbatim']);
  c.required(text, path, ['type', 'text']);
  c.oneOf(text.type, `${path}/type`, opts.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn']);
  if (text.text !== undefined) c.string(text.text, `${path}/text`, 1, Math.min(opts.max, L.textObject));
  if (text.emoji !== undefined) c.boolean(text.emoji, `${path}/emoji`);
  if (text.verbatim !== undefined) c.boolean(text.verbatim, `${path}/verbatim`);
}

export function checkImageFields(c: Checker, image: JsonObject, path: string): void {
  c.required(image, path, ['alt_text']);
  c.optional(image, 'alt_text', path, (v, p) => c.string(v, p, 1, L.imageAltText));
  if ((image.image_url === undefined) === (image.slack_file === undefined)) {
    c.fail(path, 'must provide exactly one of `image_url` or `slack_file`');
  }
  c.optional(image, 'image_url', path, (v, p) => c.string(v, p, 1, L.imageUrl));
  c.optional(image, 'slack_file', path, (v, p) => {
    const file = c.object(v, p);
    if (file && typeof file.url !== 'string' && typeof file.id !== 'string') {
      c.fail(p, 'missing required field: url');
    }
  });
}

export function checkOption(
  c: Checker,
  value: unknown,
  path: string,
  kind: 'plain' | 'any' | 'overflow',
): void {
  const option = c.object(value, path);
  if (!option) return;
  c.onlyKeys(
    option,
    path,
    kind === 'overflow' ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'],
  );
  c.required(option, path, ['text', 'value']);
  const plainOnly = kind !== 'any';
  c.optional(option, 'text', path, (v, p) => checkText(c, v, p, { max: L.optionText, plainOnly }));
  c.optional(option, 'value', path, (v, p) => c.string(v, p, 1, L.optionValue));
  c.optional(option, 'description', path, (v, p) =>
    checkText(c, v, p, { max: L.optionDescription, plainOnly }),
  );
  c.optional(option, 'url', path, (v, p) => c.string(v, p, 1, L.optionUrl));
}

export function checkOptions(
  c: Checker,
  value: unknown,
  path: string,
  min: number,
  max: number,
  kind: 'plain' | 'any' | 'overflow',
): void {
  c.each(value, path, min, max, (option, p) => checkOption(c, option, p, kind));
}

export function checkConfirm(c: Checker, value: unknown, path: string): void {
  const confirm = c.object(value, path);
  if (!confirm) return;
  c.onlyKeys(confirm, path, ['title', 'text', 'confirm', 'deny', 'style']);
  // The docs list title, confirm and deny as required even though @slack/types has them optional.
  c.required(confirm, path, ['title', 'text', 'confirm', 'deny']);
  c.optional(confirm, 'title', path, (v, p) => checkText(c, v, p, { max: L.confirmTitle, plainOnly: true }));
  c.optional(confirm, 'text', path, (v, p) => checkText(c, v, p, { max: L.confirmText }));
  c.optional(confirm, 'confirm', path, (v, p) =>
    checkText(c, v, p, { max: L.confirmButton, plainOnly: true }),
  );
  c.optional(confirm, 'deny', path, (v, p) => checkText(c, v, p, { max: L.confirmButton, plainOnly: true }));
  c.optional(confirm, 'style', path, (v, p) => c.oneOf(v, p, ['primary', 'danger']));
}

export function checkDispatchConfig(c: Checker, value: unknown, path: string): void {
  const config = c.object(value, path);
  if (!config) return;
  c.onlyKeys(config, path, ['trigger_actions_on']);
  c.optional(config, 'trigger_actions_on', path, (v, p) =>
    c.each(v, p, 1, 2, (on, op) => c.oneOf(on, op, ['on_enter_pressed', 'on_character_entered'])),
  );
}

export function checkStringList(c: Checker, value: unknown, path: string): void {
  c.each(value, path, 0, 1000, (item, p) => c.string(item, p, 1, 255));
}

export function checkFilter(c: Checker, value: unknown, path: string): void {
  const filter = c.object(value, path);
  if (!filter) return;
  c.onlyKeys(filter, path, ['include', 'exclude_external_shared_channels', 'exclude_bot_users']);
  c.optional(filter, 'include', path, (v, p) =>
    c.each(v, p, 1, 4, (t, tp) => c.oneOf(t, tp, ['im', 'mpim', 'private', 'public'])),
  );
  c.optional(filter, 'exclude_external_shared_channels', path, (v, p) => c.boolean(v, p));
  c.optional(filter, 'exclude_bot_users', path, (v, p) => c.boolean(v, p));
}
