import type { ViewStateValue } from '@slack/bolt';
import type { StateValues, StoredView } from '../slack/fake-slack/index.js';
import { hostileText, wrongValue } from './hostile-text.js';
import type { Rng } from './random.js';

type Json = Record<string, unknown>;
type Option = { text: { type: 'plain_text'; text: string }; value: string };

function optionsOf(element: Json): Option[] {
  const direct = Array.isArray(element.options) ? (element.options as Option[]) : [];
  const grouped = Array.isArray(element.option_groups)
    ? (element.option_groups as { options?: Option[] }[]).flatMap((group) => group.options ?? [])
    : [];
  return [...direct, ...grouped];
}

function day(rng: Rng): string {
  if (rng.chance(0.2))
    return rng.pick(['0001-01-01', '1000-06-15', '1900-01-01', '9999-12-31', '2026-02-30', 'x']);
  const year = rng.int(2024, 2028);
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** An option the element offers, or (sometimes) one it never offered, as a forged payload would. */
function option(rng: Rng, element: Json, known: readonly string[]): Option {
  const offered = optionsOf(element);
  if (offered.length > 0 && rng.chance(0.85)) return rng.pick(offered);
  const value = known.length > 0 && rng.chance(0.6) ? rng.pick(known) : hostileText(rng);
  return { text: { type: 'plain_text', text: hostileText(rng) }, value };
}

/** A value of the shape Slack sends for `element`, with hostile content. */
function valueFor(rng: Rng, element: Json, known: readonly string[]): ViewStateValue {
  const type = String(element.type);
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: rng.chance(0.1) ? null : hostileText(rng) } as ViewStateValue;
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return {
        type,
        selected_option: rng.chance(0.1) ? null : option(rng, element, known),
      } as ViewStateValue;
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return {
        type,
        selected_options: Array.from({ length: rng.int(0, 4) }, () => option(rng, element, known)),
      } as ViewStateValue;
    case 'datepicker':
      return { type, selected_date: rng.chance(0.1) ? null : day(rng) } as ViewStateValue;
    case 'timepicker':
      return {
        type,
        selected_time: rng.chance(0.1)
          ? '25:99'
          : `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
      } as ViewStateValue;
    case 'users_select':
      return {
        type,
        selected_user: rng.pick(['U0ALICE01', 'U0BOB0001', 'UNOBODY99', hostileText(rng)]),
      } as ViewStateValue;
    case 'multi_users_select':
      return { type, selected_users: rng.some(['U0ALICE01', 'U0BOB0001', 'UNOBODY99'], 3) } as ViewStateValue;
    case 'conversations_select':
    case 'channels_select':
      return {
        type,
        selected_conversation: rng.pick(['C0GENERAL1', 'CNOPE', hostileText(rng)]),
      } as ViewStateValue;
    case 'file_input':
      return { type, files: [] } as ViewStateValue;
    default:
      return { type, value: wrongValue(rng) } as ViewStateValue;
  }
}

/** Input blocks of a view, with their element. */
export function inputsOf(view: StoredView): { blockId: string; element: Json }[] {
  const blocks = (view.definition.blocks ?? []) as Json[];
  return blocks
    .filter((block) => block.type === 'input' && typeof block.element === 'object' && block.element !== null)
    .map((block) => ({ blockId: String(block.block_id), element: block.element as Json }));
}

/** state.values for a submission of `view`: every input filled (some left out), grammar-aware. */
export function stateValuesFor(rng: Rng, view: StoredView, known: readonly string[]): StateValues {
  const values: StateValues = {};
  for (const { blockId, element } of inputsOf(view)) {
    if (rng.chance(0.1)) continue;
    values[blockId] = { [String(element.action_id)]: valueFor(rng, element, known) };
  }
  return values;
}

/** Every interactive element with an action_id in blocks (messages, views), depth first. */
export function actionElementsOf(blocks: unknown): { blockId: string; element: Json }[] {
  const found: { blockId: string; element: Json }[] = [];
  for (const block of Array.isArray(blocks) ? (blocks as Json[]) : []) {
    const elements = [
      ...(Array.isArray(block.elements) ? (block.elements as Json[]) : []),
      ...(typeof block.accessory === 'object' && block.accessory !== null ? [block.accessory as Json] : []),
      ...(block.type === 'actions' || block.type === 'input' ? [] : []),
    ];
    if (block.type === 'input' && block.dispatch_action && typeof block.element === 'object') {
      elements.push(block.element as Json);
    }
    for (const element of elements) {
      if (typeof element.action_id === 'string') found.push({ blockId: String(block.block_id), element });
    }
  }
  return found;
}

/** The `actions[0]` Slack sends when `element` is used. */
export function actionFor(rng: Rng, blockId: string, element: Json, known: readonly string[]): Json {
  const common = { action_id: element.action_id, block_id: blockId, action_ts: '1700000000.000100' };
  if (element.type === 'button') {
    return {
      ...common,
      type: 'button',
      text: element.text,
      ...(element.value !== undefined ? { value: element.value } : {}),
    };
  }
  if (element.type === 'overflow') {
    return { ...common, type: 'overflow', selected_option: option(rng, element, known) };
  }
  return { ...common, ...valueFor(rng, element, known) };
}
