import type { ViewStateValue } from '@slack/bolt';
import type { JsonObject, StateValues, StoredView } from '../../slack/fake-slack/index.js';
import { NotOffered } from '../scenario.js';

/**
 * Reading Slack surfaces the way a person does: by the words on them (labels, button texts,
 * the text of a message), never by the app's own ids, so the driver keeps working whatever the
 * adapter names its blocks and actions.
 */

type Node = JsonObject;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Every `text` string of some blocks, in order: what a reader could see. */
export function textOf(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isNode(node)) {
      for (const [key, item] of Object.entries(node)) {
        if (key === 'text' && typeof item === 'string') out.push(item);
        else if (key === 'initial_value' && typeof item === 'string') out.push(item);
        else walk(item);
      }
    }
  };
  walk(value);
  return out.join('\n');
}

/** Slack shows `&lt;` as `<`: the person reads the unescaped text. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export const blocksOf = (surface: { blocks?: unknown } | undefined): Node[] =>
  Array.isArray(surface?.blocks) ? surface.blocks.filter(isNode) : [];

const labelOf = (node: Node): string => (isNode(node.text) ? String(node.text.text ?? '') : '');

/** Interactive elements of one block: an actions block's elements, or a section's accessory. */
export function elementsOf(block: Node): Node[] {
  if (Array.isArray(block.elements)) return block.elements.filter(isNode);
  return isNode(block.accessory) ? [block.accessory] : [];
}

/** The index of the first block whose text mentions `words`. */
export function blockIndexMentioning(blocks: Node[], words: string): number {
  return blocks.findIndex((block) => unescapeSlack(textOf(block)).includes(words));
}

/** A button by its label, in the blocks from `from` on (the row a person looks at). */
export function buttonLabelled(
  blocks: Node[],
  label: string | RegExp,
  from = 0,
): { block: Node; element: Node } {
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  for (const block of blocks.slice(from)) {
    for (const element of elementsOf(block)) {
      if (element.type === 'button' && matches(labelOf(element))) return { block, element };
    }
  }
  throw new NotOffered(`No "${String(label)}" button in ${textOf(blocks).slice(0, 300)}`);
}

/** A select or overflow element of the row, and its option by label. */
export function optionLabelled(
  blocks: Node[],
  label: string,
  from = 0,
): { block: Node; element: Node; option: Node } {
  for (const block of blocks.slice(from)) {
    for (const element of elementsOf(block)) {
      const options = Array.isArray(element.options) ? element.options.filter(isNode) : [];
      const option = options.find((candidate) => labelOf(candidate) === label);
      if (option) return { block, element, option };
    }
  }
  throw new NotOffered(`No "${label}" choice in ${textOf(blocks).slice(0, 300)}`);
}

/** The first choice of the first select in the row (e.g. the first snooze period). */
export function firstChoice(blocks: Node[], from: number): { block: Node; element: Node; option: Node } {
  for (const block of blocks.slice(from)) {
    for (const element of elementsOf(block)) {
      const [option] = Array.isArray(element.options) ? element.options.filter(isNode) : [];
      if (element.type === 'static_select' && option) return { block, element, option };
    }
  }
  throw new NotOffered('No select in the row');
}

function optionsOf(element: Node): Node[] {
  const flat = Array.isArray(element.options) ? element.options.filter(isNode) : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups
        .filter(isNode)
        .flatMap((group) => (Array.isArray(group.options) ? group.options : []))
    : [];
  return [...flat, ...grouped.filter(isNode)];
}

/** A value typed or picked by a person, by the input's label. Option picks are matched by value or label. */
export type FieldValue = string | string[];

function pick(element: Node, wanted: string): Node {
  const found = optionsOf(element).find((option) => option.value === wanted || labelOf(option) === wanted);
  if (!found) throw new Error(`No choice "${wanted}" in ${String(element.action_id)}`);
  return found;
}

/** What Slack sends for one input: its initial value, or what the person set. */
function stateValue(element: Node, set: FieldValue | undefined): ViewStateValue {
  const type = String(element.type);
  const many = (value: FieldValue) => (Array.isArray(value) ? value : [value]);
  switch (type) {
    case 'plain_text_input':
      return { type, value: set !== undefined ? String(set) : ((element.initial_value as string) ?? null) };
    case 'static_select':
      return {
        type,
        selected_option: (set !== undefined ? pick(element, String(set)) : element.initial_option) ?? null,
      } as ViewStateValue;
    case 'multi_static_select':
    case 'checkboxes':
      return {
        type,
        selected_options:
          set !== undefined ? many(set).map((v) => pick(element, v)) : (element.initial_options ?? []),
      } as ViewStateValue;
    case 'multi_external_select':
      return {
        type,
        selected_options:
          set !== undefined
            ? many(set).map((id) => ({ text: { type: 'plain_text', text: id }, value: id }))
            : (element.initial_options ?? []),
      } as ViewStateValue;
    case 'datepicker':
      return {
        type,
        selected_date: set !== undefined ? String(set) : ((element.initial_date as string) ?? null),
      };
    case 'timepicker':
      return {
        type,
        selected_time: set !== undefined ? String(set) : ((element.initial_time as string) ?? null),
      };
    case 'users_select':
      return {
        type,
        selected_user: set !== undefined ? String(set) : ((element.initial_user as string) ?? null),
      };
    case 'file_input':
      return { type, files: [] } as unknown as ViewStateValue;
    default:
      return { type, value: null };
  }
}

/**
 * The modal's state as Slack submits it: every input with what it shows, and the fields the
 * person changed (by label) set to their values. An unknown label is an error, not a no-op.
 */
export function submittedState(view: StoredView, set: Record<string, FieldValue>): StateValues {
  const values: StateValues = {};
  const used = new Set<string>();
  for (const block of blocksOf(view.definition)) {
    if (block.type !== 'input' || !isNode(block.element)) continue;
    const label = labelOf({ text: block.label } as Node);
    const value = set[label];
    if (value !== undefined) used.add(label);
    values[String(block.block_id)] = { [String(block.element.action_id)]: stateValue(block.element, value) };
  }
  const missing = Object.keys(set).filter((label) => !used.has(label));
  if (missing.length > 0) throw new Error(`The form has no field ${missing.join(', ')}`);
  return values;
}

/**
 * Picking `wanted` in the modal's select labelled `label`, as Slack sends it at once when the
 * select dispatches its actions (the form then changes, e.g. "Other…" reveals "New type").
 */
export function pickInModal(view: StoredView, label: string, wanted: string) {
  const block = blocksOf(view.definition).find(
    (candidate) => candidate.type === 'input' && labelOf({ text: candidate.label } as Node) === label,
  );
  if (!block || !isNode(block.element)) throw new NotOffered(`The form has no field ${label}`);
  const option = pick(block.element, wanted);
  return {
    values: submittedState(view, { [label]: wanted }),
    action: {
      type: String(block.element.type),
      action_id: String(block.element.action_id),
      block_id: String(block.block_id),
      selected_option: option,
      action_ts: '1.000001',
    },
  };
}
