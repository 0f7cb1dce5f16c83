import type { Checker, SurfaceContext } from './block-kit-checks.js';
import {
  checkConfirm,
  checkDispatchConfig,
  checkFilter,
  checkImageFields,
  checkOption,
  checkOptions,
  checkStringList,
  checkText,
} from './block-kit-composition.js';
import { SLACK_LIMITS as L } from './limits.js';
import type { JsonObject } from './types.js';

/** Where an element sits: Slack allows a different set of element types in each place. */
export type Placement = 'accessory' | 'actions' | 'input';

const SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
];
const MULTI_SELECTS = SELECTS.map((type) => `multi_${type}`);
const CHOICES = ['button', 'checkboxes', 'datepicker', 'overflow', 'radio_buttons', 'timepicker'];

const ALLOWED: Record<Placement, readonly string[]> = {
  accessory: [...CHOICES, ...SELECTS, ...MULTI_SELECTS, 'image'],
  actions: [...CHOICES, ...SELECTS, ...MULTI_SELECTS, 'datetimepicker', 'rich_text_input'],
  input: [
    ...SELECTS,
    ...MULTI_SELECTS,
    'checkboxes',
    'datepicker',
    'datetimepicker',
    'email_text_input',
    'file_input',
    'number_input',
    'plain_text_input',
    'radio_buttons',
    'rich_text_input',
    'timepicker',
    'url_text_input',
  ],
};

/** Real Block Kit element types this fake does not model: rejected, but with a hint. */
const NOT_MODELLED = ['workflow_button', 'icon_button', 'feedback_buttons'];

type FieldCheck = (c: Checker, value: unknown, path: string) => void;

const plainText =
  (max: number): FieldCheck =>
  (c, v, p) =>
    checkText(c, v, p, { max, plainOnly: true });
const str =
  (min: number, max: number): FieldCheck =>
  (c, v, p) =>
    c.string(v, p, min, max);
const int =
  (min: number, max: number): FieldCheck =>
  (c, v, p) =>
    c.integer(v, p, min, max);
const bool: FieldCheck = (c, v, p) => c.boolean(v, p);
const pattern =
  (re: RegExp, sentence: string): FieldCheck =>
  (c, v, p) => {
    if (typeof v !== 'string' || !re.test(v)) c.fail(p, sentence);
  };

const PLACEHOLDER = { placeholder: plainText(L.placeholder) };
const SELECT_COMMON: Record<string, FieldCheck> = {
  ...PLACEHOLDER,
  confirm: checkConfirm,
  focus_on_load: bool,
};
const MULTI_COMMON: Record<string, FieldCheck> = { ...SELECT_COMMON, max_selected_items: int(1, 100) };
const STATIC_OPTIONS: Record<string, FieldCheck> = {
  options: (c, v, p) => checkOptions(c, v, p, 1, L.selectOptions, 'plain'),
  option_groups: (c, v, p) =>
    c.each(v, p, 1, L.optionGroups, (group, gp) => {
      const g = c.object(group, gp);
      if (!g) return;
      c.onlyKeys(g, gp, ['label', 'options']);
      c.required(g, gp, ['label', 'options']);
      c.optional(g, 'label', gp, plainText(L.optionGroupLabel).bind(null, c));
      c.optional(g, 'options', gp, (o, op) => checkOptions(c, o, op, 1, L.selectOptions, 'plain'));
    }),
};
const oneOption: FieldCheck = (c, v, p) => checkOption(c, v, p, 'plain');
const manyOptions: FieldCheck = (c, v, p) => checkOptions(c, v, p, 0, L.selectOptions, 'plain');
const TEXT_INPUT: Record<string, FieldCheck> = {
  ...PLACEHOLDER,
  initial_value: str(0, L.textObject),
  dispatch_action_config: checkDispatchConfig,
  focus_on_load: bool,
};

/** Per element type: its own fields (beyond type/action_id) and which of them are required. */
const ELEMENTS: Record<string, { fields: Record<string, FieldCheck>; required?: string[] }> = {
  button: {
    fields: {
      text: plainText(L.buttonText),
      value: str(1, L.buttonValue),
      url: str(1, L.buttonUrl),
      style: (c, v, p) => c.oneOf(v, p, ['primary', 'danger']),
      confirm: checkConfirm,
      accessibility_label: str(1, L.accessibilityLabel),
    },
    required: ['text'],
  },
  static_select: { fields: { ...SELECT_COMMON, ...STATIC_OPTIONS, initial_option: oneOption } },
  multi_static_select: { fields: { ...MULTI_COMMON, ...STATIC_OPTIONS, initial_options: manyOptions } },
  external_select: {
    fields: { ...SELECT_COMMON, initial_option: oneOption, min_query_length: int(0, 1000) },
  },
  multi_external_select: {
    fields: { ...MULTI_COMMON, initial_options: manyOptions, min_query_length: int(0, 1000) },
  },
  users_select: { fields: { ...SELECT_COMMON, initial_user: str(1, 255) } },
  multi_users_select: { fields: { ...MULTI_COMMON, initial_users: checkStringList } },
  conversations_select: {
    fields: {
      ...SELECT_COMMON,
      initial_conversation: str(1, 255),
      default_to_current_conversation: bool,
      filter: checkFilter,
      response_url_enabled: bool,
    },
  },
  multi_conversations_select: {
    fields: {
      ...MULTI_COMMON,
      initial_conversations: checkStringList,
      default_to_current_conversation: bool,
      filter: checkFilter,
    },
  },
  channels_select: { fields: { ...SELECT_COMMON, initial_channel: str(1, 255), response_url_enabled: bool } },
  multi_channels_select: { fields: { ...MULTI_COMMON, initial_channels: checkStringList } },
  overflow: {
    fields: {
      options: (c, v, p) => checkOptions(c, v, p, L.overflowOptionsMin, L.overflowOptionsMax, 'overflow'),
      confirm: checkConfirm,
    },
    required: ['options'],
  },
  datepicker: {
    fields: {
      ...SELECT_COMMON,
      initial_date: pattern(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
        'must match the format YYYY-MM-DD',
      ),
    },
  },
  timepicker: {
    fields: {
      ...SELECT_COMMON,
      initial_time: pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'must match the format HH:mm'),
      timezone: str(1, 255),
    },
  },
  datetimepicker: {
    fields: { confirm: checkConfirm, focus_on_load: bool, initial_date_time: int(0, 9_999_999_999) },
  },
  plain_text_input: {
    fields: {
      ...TEXT_INPUT,
      multiline: bool,
      min_length: int(0, L.plainTextInputMinLength),
      max_length: int(1, L.plainTextInputMaxLength),
    },
  },
  email_text_input: { fields: TEXT_INPUT },
  url_text_input: { fields: TEXT_INPUT },
  number_input: {
    fields: { ...TEXT_INPUT, is_decimal_allowed: bool, min_value: str(1, 255), max_value: str(1, 255) },
    required: ['is_decimal_allowed'],
  },
  rich_text_input: {
    fields: {
      ...PLACEHOLDER,
      initial_value: (c, v, p) => c.object(v, p),
      dispatch_action_config: checkDispatchConfig,
      focus_on_load: bool,
    },
  },
  checkboxes: {
    fields: {
      options: (c, v, p) => checkOptions(c, v, p, 1, L.checkboxOptions, 'any'),
      initial_options: (c, v, p) => checkOptions(c, v, p, 0, L.checkboxOptions, 'any'),
      confirm: checkConfirm,
      focus_on_load: bool,
    },
    required: ['options'],
  },
  radio_buttons: {
    fields: {
      options: (c, v, p) => checkOptions(c, v, p, 1, L.radioOptions, 'any'),
      initial_option: (c, v, p) => checkOption(c, v, p, 'any'),
      confirm: checkConfirm,
      focus_on_load: bool,
    },
    required: ['options'],
  },
  file_input: {
    fields: { filetypes: checkStringList, max_files: int(1, L.fileInputMaxFiles) },
  },
};

export function checkElement(
  c: Checker,
  ctx: SurfaceContext,
  value: unknown,
  path: string,
  where: Placement,
): void {
  const el = c.object(value, path);
  if (!el) return;
  const type = el.type;
  if (typeof type !== 'string') {
    c.fail(path, 'missing required field: type');
    return;
  }
  if (!ALLOWED[where].includes(type)) {
    const hint = NOT_MODELLED.includes(type) ? ' (not modelled by the fake Slack)' : '';
    c.fail(`${path}/type`, `unsupported type: ${type}${hint}`);
    return;
  }
  if (type === 'image') {
    c.onlyKeys(el, path, ['type', 'alt_text', 'image_url', 'slack_file']);
    checkImageFields(c, el, path);
    return;
  }
  const spec = ELEMENTS[type]!;
  c.onlyKeys(el, path, ['type', 'action_id', ...Object.keys(spec.fields)]);
  c.required(el, path, spec.required ?? []);
  for (const [key, check] of Object.entries(spec.fields)) c.optional(el, key, path, check.bind(null, c));
  checkActionId(c, ctx, el, path);
  checkPlacementRules(c, ctx, el, path, where);
}

function checkActionId(c: Checker, ctx: SurfaceContext, el: JsonObject, path: string): void {
  if (el.action_id === undefined) return;
  const id = c.string(el.action_id, `${path}/action_id`, 1, L.actionId);
  if (id === undefined) return;
  if (ctx.actionIds.has(id)) c.fail(`${path}/action_id`, `duplicate action_id: ${id}`);
  ctx.actionIds.add(id);
}

function checkPlacementRules(
  c: Checker,
  ctx: SurfaceContext,
  el: JsonObject,
  path: string,
  where: Placement,
): void {
  if (el.focus_on_load === true) {
    ctx.focusCount += 1;
    if (ctx.focusCount > 1) c.fail(`${path}/focus_on_load`, 'only one element may set focus_on_load');
  }
  const inModalInput = ctx.surface === 'modal' && where === 'input';
  if (el.response_url_enabled === true && !inModalInput) {
    c.fail(
      `${path}/response_url_enabled`,
      'response_url_enabled is only supported in input blocks in modals',
    );
  }
  if (el.type === 'file_input' && !inModalInput) {
    c.fail(`${path}/type`, 'unsupported type: file_input');
  }
  const isStatic = el.type === 'static_select' || el.type === 'multi_static_select';
  if (isStatic && (el.options === undefined) === (el.option_groups === undefined)) {
    c.fail(path, 'must provide exactly one of `options` or `option_groups`');
  }
  if (typeof el.min_length === 'number' && typeof el.max_length === 'number') {
    if (el.min_length > el.max_length)
      c.fail(`${path}/min_length`, 'must be less than or equal to max_length');
  }
}
