import { expect } from 'vitest';
import { LIMITS } from '../../../../src/adapters/slack/blocks/limits.js';
import { validateMessageBlocks, validateView } from '../../../slack/fake-slack/block-kit.js';

/**
 * A small, independent Block Kit check for renderer tests: limits, id uniqueness and that no
 * markup reaches Slack except what renderers build on purpose. The fake Slack's full
 * validator (test/slack/fake-slack/block-kit.ts) runs as well.
 */
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, visit: (node: Json, key: string | undefined) => void, key?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, key);
    return;
  }
  if (!isObject(value)) return;
  visit(value, key);
  for (const [childKey, child] of Object.entries(value)) walk(child, visit, childKey);
}

export function collectIds(blocks: unknown[]): { blockIds: string[]; actionIds: string[] } {
  const blockIds: string[] = [];
  const actionIds: string[] = [];
  walk(blocks, (node) => {
    if (typeof node.block_id === 'string') blockIds.push(node.block_id);
    if (typeof node.action_id === 'string') actionIds.push(node.action_id);
  });
  return { blockIds, actionIds };
}

/** Every `<…>` in mrkdwn text: the only markup a renderer may emit. */
const ALLOWED_MARKUP = [
  /^<@[UW][A-Z0-9]+>$/,
  /^<!date\^\d+\^[^|<>^]+\|[^<>|]*>$/,
  /^<https:\/\/[^\s|<>]+\|[^<>|]+>$/,
];

export function markupIn(text: string): string[] {
  return text.match(/<[^>]*>/g) ?? [];
}

export function mrkdwnTexts(blocks: unknown[]): string[] {
  const texts: string[] = [];
  walk(blocks, (node) => {
    if (node.type === 'mrkdwn' && typeof node.text === 'string') texts.push(node.text);
  });
  return texts;
}

/** Slack's limits that matter to our renderers, checked without the fake. */
export function limitProblems(blocks: unknown[], maxBlocks: number): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const { blockIds, actionIds } = collectIds(blocks);
  for (const id of [...blockIds, ...actionIds]) if (id.length > 255) problems.push(`id too long: ${id}`);
  if (new Set(blockIds).size !== blockIds.length) problems.push('duplicate block_id');
  if (new Set(actionIds).size !== actionIds.length) problems.push('duplicate action_id');
  walk(blocks, (node, key) => {
    const text = isObject(node.text) && typeof node.text.text === 'string' ? node.text.text : undefined;
    if (node.type === 'header' && text !== undefined && text.length > LIMITS.headerText)
      problems.push('header text');
    if (node.type === 'section' && text !== undefined && text.length > LIMITS.sectionText)
      problems.push('section');
    if (
      node.type === 'context' &&
      Array.isArray(node.elements) &&
      node.elements.length > LIMITS.contextElements
    ) {
      problems.push('context elements');
    }
    if (
      node.type === 'actions' &&
      Array.isArray(node.elements) &&
      node.elements.length > LIMITS.actionsElements
    ) {
      problems.push('actions elements');
    }
    if (node.type === 'button') {
      if (text !== undefined && text.length > LIMITS.buttonText) problems.push(`button text ${text}`);
      if (typeof node.value === 'string' && node.value.length > LIMITS.buttonValue)
        problems.push('button value');
    }
    if (
      node.type === 'overflow' &&
      Array.isArray(node.options) &&
      node.options.length > LIMITS.overflowOptions
    ) {
      problems.push('overflow options');
    }
    if (key === 'options' && typeof node.value === 'string' && node.value.length > LIMITS.optionValue) {
      problems.push(`option value ${node.value}`);
    }
    if ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string') {
      if (node.text.length === 0 || node.text.length > LIMITS.textObject) problems.push('text object length');
    }
  });
  for (const text of mrkdwnTexts(blocks)) {
    for (const markup of markupIn(text)) {
      if (!ALLOWED_MARKUP.some((pattern) => pattern.test(markup))) problems.push(`markup ${markup}`);
    }
  }
  return problems;
}

/** Both checks, for a message: ours, then the fake Slack's. */
export function expectValidMessage(blocks: unknown[]): void {
  expect(limitProblems(blocks, LIMITS.messageBlocks)).toEqual([]);
  expect(validateMessageBlocks(blocks)).toEqual({ ok: true });
}

export function expectValidHome(view: { type: string; blocks: unknown[] }): void {
  expect(limitProblems(view.blocks, LIMITS.viewBlocks)).toEqual([]);
  expect(validateView(view, { expect: 'home' })).toEqual({ ok: true });
}
