import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { escapeMrkdwn, LIMITS, truncateText } from './limits.js';

/** A message as chat.postMessage / respond take it: blocks plus the notification text. */
export interface SlackMessage {
  /** Fallback for notifications and screen readers; escaped like any mrkdwn. */
  text: string;
  blocks: KnownBlock[];
}

/** Date display for fallbacks: the workspace's zone and format (WorkspaceSettings). */
export interface RenderOptions {
  timeZone: string;
  dateFormat: string;
}

/**
 * mrkdwn holding user text. `verbatim: true` stops Slack's automatic parsing, so a typed
 * "@channel" or bare URL stays text; the text itself must already be escaped.
 */
export function mrkdwn(text: string, max: number = LIMITS.textObject): MrkdwnElement {
  return { type: 'mrkdwn', text: truncateText(text, max), verbatim: true };
}

/** plain_text is never parsed for mentions or links, so user text needs no escaping here. */
export function plain(text: string, max: number = LIMITS.textObject): PlainTextElement {
  return { type: 'plain_text', text: truncateText(text, max), emoji: true };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

export function section(text: string, extra: Partial<SectionBlock> = {}): SectionBlock {
  return { type: 'section', text: mrkdwn(text, LIMITS.sectionText), ...extra };
}

export function context(texts: string[], blockId?: string): ContextBlock {
  const block: ContextBlock = {
    type: 'context',
    elements: texts.slice(0, LIMITS.contextElements).map((text) => mrkdwn(text)),
  };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}

export function actions(blockId: string, elements: ActionsBlock['elements']): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: elements.slice(0, LIMITS.actionsElements) };
}

export function button(
  label: string,
  actionId: string,
  value?: string,
  style?: 'primary' | 'danger',
): Button {
  const element: Button = { type: 'button', text: plain(label, LIMITS.buttonText), action_id: actionId };
  if (value !== undefined) element.value = value;
  if (style !== undefined) element.style = style;
  return element;
}

export function option(label: string, value: string): PlainTextOption {
  return { text: plain(label, LIMITS.optionText), value };
}

/** `<@U…>` only from something shaped like a Slack user id; anything else is shown as a name. */
export function mention(userId: string, fallbackName: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(fallbackName);
}

/** Only an https link we can show as a link; `|` or `>` would break out of `<url|label>`. */
export function safeLink(url: string | undefined, label: string): string | undefined {
  if (url === undefined || /[|<>\s]/.test(url)) return undefined;
  try {
    if (new URL(url).protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  return `<${url.replace(/&/g, '&amp;')}|${escapeMrkdwn(label)}>`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** What msg_blocks_too_long counts: every `text` string anywhere in the blocks. */
export function countBlockText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countBlockText(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let sum = 0;
  for (const [key, item] of Object.entries(value)) {
    sum += key === 'text' && typeof item === 'string' ? item.length : countBlockText(item);
  }
  return sum;
}

/**
 * Adds groups of blocks while they fit both the block count and the text budget, so a
 * surface is cut between items and never rejected. `reserve` keeps room for the footer.
 */
export class BlockBudget {
  readonly blocks: KnownBlock[] = [];
  private text = 0;

  constructor(
    private readonly maxBlocks: number,
    private readonly maxText: number,
  ) {}

  fits(
    group: readonly KnownBlock[],
    reserve: { blocks: number; text: number } = { blocks: 0, text: 0 },
  ): boolean {
    return (
      this.blocks.length + group.length + reserve.blocks <= this.maxBlocks &&
      this.text + countBlockText(group) + reserve.text <= this.maxText
    );
  }

  /** Adds the group if it fits; returns whether it did. */
  tryAdd(group: readonly KnownBlock[], reserve?: { blocks: number; text: number }): boolean {
    if (!this.fits(group, reserve)) return false;
    this.add(group);
    return true;
  }

  /** Adds unconditionally: for blocks whose room was reserved. */
  add(group: readonly KnownBlock[]): void {
    this.blocks.push(...group);
    this.text += countBlockText(group);
  }
}
