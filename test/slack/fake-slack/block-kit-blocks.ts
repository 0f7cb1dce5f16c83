import { type Checker, isObject, type SurfaceContext } from './block-kit-checks.js';
import { checkImageFields, checkText } from './block-kit-composition.js';
import { checkElement } from './block-kit-elements.js';
import { SLACK_LIMITS as L } from './limits.js';
import type { JsonObject } from './types.js';

type BlockCheck = (c: Checker, ctx: SurfaceContext, block: JsonObject, path: string) => void;

const RICH_INLINE = [
  'text',
  'link',
  'emoji',
  'user',
  'channel',
  'usergroup',
  'team',
  'broadcast',
  'date',
  'color',
];
const RICH_CONTAINERS = ['rich_text_section', 'rich_text_list', 'rich_text_quote', 'rich_text_preformatted'];

const BLOCKS: Record<string, { keys: string[]; required: string[]; check: BlockCheck }> = {
  section: {
    keys: ['text', 'fields', 'accessory', 'expand'],
    required: [],
    check: (c, ctx, b, path) => {
      if (b.text === undefined && b.fields === undefined) {
        c.fail(`${path}/type`, 'must define either `text` or `fields`');
      }
      c.optional(b, 'text', path, (v, p) => checkText(c, v, p, { max: L.sectionText }));
      c.optional(b, 'fields', path, (v, p) =>
        c.each(v, p, 1, L.sectionFields, (field, fp) => checkText(c, field, fp, { max: L.sectionFieldText })),
      );
      c.optional(b, 'accessory', path, (v, p) => checkElement(c, ctx, v, p, 'accessory'));
      c.optional(b, 'expand', path, (v, p) => c.boolean(v, p));
    },
  },
  header: {
    keys: ['text'],
    required: ['text'],
    check: (c, _ctx, b, path) =>
      c.optional(b, 'text', path, (v, p) => checkText(c, v, p, { max: L.headerText, plainOnly: true })),
  },
  context: {
    keys: ['elements'],
    required: ['elements'],
    check: (c, _ctx, b, path) =>
      c.optional(b, 'elements', path, (v, p) =>
        c.each(v, p, 1, L.contextElements, (el, elPath) => {
          if (isObject(el) && el.type === 'image') {
            c.onlyKeys(el, elPath, ['type', 'alt_text', 'image_url', 'slack_file']);
            checkImageFields(c, el, elPath);
          } else {
            checkText(c, el, elPath, { max: L.textObject });
          }
        }),
      ),
  },
  actions: {
    keys: ['elements'],
    required: ['elements'],
    check: (c, ctx, b, path) =>
      c.optional(b, 'elements', path, (v, p) =>
        c.each(v, p, 1, L.actionsElements, (el, ep) => checkElement(c, ctx, el, ep, 'actions')),
      ),
  },
  divider: { keys: [], required: [], check: () => {} },
  image: {
    keys: ['image_url', 'slack_file', 'alt_text', 'title'],
    required: [],
    check: (c, _ctx, b, path) => {
      checkImageFields(c, b, path);
      c.optional(b, 'title', path, (v, p) => checkText(c, v, p, { max: L.imageTitle, plainOnly: true }));
    },
  },
  input: {
    keys: ['label', 'element', 'hint', 'optional', 'dispatch_action'],
    required: ['label', 'element'],
    check: (c, ctx, b, path) => {
      c.optional(b, 'label', path, (v, p) => checkText(c, v, p, { max: L.inputLabel, plainOnly: true }));
      c.optional(b, 'hint', path, (v, p) => checkText(c, v, p, { max: L.inputHint, plainOnly: true }));
      c.optional(b, 'element', path, (v, p) => checkElement(c, ctx, v, p, 'input'));
      c.optional(b, 'optional', path, (v, p) => c.boolean(v, p));
      c.optional(b, 'dispatch_action', path, (v, p) => c.boolean(v, p));
    },
  },
  rich_text: {
    keys: ['elements'],
    required: ['elements'],
    check: (c, _ctx, b, path) =>
      c.optional(b, 'elements', path, (v, p) =>
        c.each(v, p, 1, 100, (el, ep) => checkRichContainer(c, el, ep)),
      ),
  },
  markdown: {
    keys: ['text'],
    required: ['text'],
    check: (c, _ctx, b, path) => c.optional(b, 'text', path, (v, p) => c.string(v, p, 1, L.markdownText)),
  },
};

/** Basic rich_text structure: container types, inline element types, required text. */
function checkRichContainer(c: Checker, value: unknown, path: string): void {
  const container = c.object(value, path);
  if (!container) return;
  c.oneOf(container.type, `${path}/type`, RICH_CONTAINERS);
  if (container.type === 'rich_text_list') {
    c.oneOf(container.style, `${path}/style`, ['bullet', 'ordered']);
    c.optional(container, 'indent', path, (v, p) => c.integer(v, p, 0, 8));
    c.each(container.elements, `${path}/elements`, 0, 1000, (el, p) => {
      if (!isObject(el) || el.type !== 'rich_text_section') c.fail(`${p}/type`, 'must be a valid enum value');
      else checkRichContainer(c, el, p);
    });
    return;
  }
  c.each(container.elements, `${path}/elements`, 0, 1000, (el, p) => {
    const inline = c.object(el, p);
    if (!inline) return;
    c.oneOf(inline.type, `${p}/type`, RICH_INLINE);
    // No documented cap on a rich_text run; only emptiness is refused.
    if (inline.type === 'text') c.string(inline.text, `${p}/text`, 1, Number.MAX_SAFE_INTEGER);
    if (inline.type === 'link') c.string(inline.url, `${p}/url`, 1, L.buttonUrl);
  });
}

/** Blocks that Slack only renders in messages (the markdown block is for app messages). */
const MESSAGE_ONLY = ['markdown'];

export function checkBlock(c: Checker, ctx: SurfaceContext, value: unknown, path: string): void {
  const block = c.object(value, path);
  if (!block) return;
  const spec = typeof block.type === 'string' ? BLOCKS[block.type] : undefined;
  if (typeof block.type !== 'string') {
    c.fail(path, 'missing required field: type');
    return;
  }
  if (!spec || (ctx.surface !== 'message' && MESSAGE_ONLY.includes(block.type))) {
    c.fail(`${path}/type`, `unsupported type: ${block.type}`);
    return;
  }
  c.onlyKeys(block, path, ['type', 'block_id', ...spec.keys]);
  c.required(block, path, spec.required);
  if (block.block_id !== undefined) {
    const id = c.string(block.block_id, `${path}/block_id`, 0, L.blockId);
    // Slack rejects duplicates (slack-go#725: views answer invalid_arguments); its exact
    // sentence is not recorded anywhere we could find, so this one is the fake's own.
    if (id !== undefined && ctx.blockIds.has(id)) c.fail(`${path}/block_id`, `duplicate block_id: ${id}`);
    if (id !== undefined) ctx.blockIds.add(id);
  }
  ctx.actionIds = new Set();
  spec.check(c, ctx, block, path);
}
