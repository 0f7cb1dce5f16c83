import type { KnownBlock, Overflow, PlainTextOption, SectionBlock } from '@slack/types';
import { VISIT_ADDRESS_MAX } from '../../../core/interactions/interaction.schemas.js';
import type { FollowUpMarker, InteractionItemView } from '../../../core/views/interaction-item.js';
import { BlockId, ItemActionPrefix, itemActionId } from '../ids.js';
import { ButtonValue, encodeValue } from '../payloads/action-values.js';
import {
  actions,
  button,
  context,
  mention,
  option,
  plain,
  type RenderOptions,
  safeLink,
  section,
} from './block-kit.js';
import { escapeAndTruncate, LIMITS, SLACK_DATE_TOKENS, slackDate } from './limits.js';

/** Badge per default type (core DEFAULT_INTERACTION_TYPES); custom types get the default. */
export const TYPE_BADGES: Readonly<Record<string, string>> = {
  visit: ':house_with_garden:',
  call: ':telephone_receiver:',
  meeting: ':handshake:',
  appointment: ':calendar:',
  email: ':email:',
  note: ':memo:',
  other: ':speech_balloon:',
};
export const DEFAULT_BADGE = ':small_blue_diamond:';

export function typeBadge(typeLabel: string): string {
  return TYPE_BADGES[typeLabel.trim().toLowerCase()] ?? DEFAULT_BADGE;
}

/** Descriptions are previewed at this length; "Show more" reveals the rest. */
export const DESCRIPTION_PREVIEW = 280;

export interface ItemRenderOptions extends RenderOptions {
  /** Lists and the home mix contacts, so each item names its contact; a contact timeline does not. */
  showContact: boolean;
  /** From the view: viewers get no "Log follow-up". */
  canLog: boolean;
}

export function dateToken(date: Date, options: RenderOptions): string {
  return slackDate(date, SLACK_DATE_TOKENS, { timeZone: options.timeZone, format: options.dateFormat });
}

/** Names and labels are short in practice; these caps keep one odd record from filling a block. */
const LABEL_MAX = 100;
const TAG_MAX = 60;
const TAGS_LINE_MAX = 600;

/** Where a Visit took place, one line, escaped like any user text. */
export function addressLine(address: string): string {
  return `:round_pushpin: ${escapeAndTruncate(address.replace(/\s+/g, ' ').trim(), VISIT_ADDRESS_MAX).text}`;
}

/** Backticks inside a tag would end the code span and let the rest render as markup. */
export function tag(text: string): string {
  return `\`${escapeAndTruncate(text.replace(/`/g, "'"), TAG_MAX).text}\``;
}

/** Tags while they fit the line, then "+N more", so a code span is never cut in half. */
export function tagsLine(labels: readonly string[], max: number = TAGS_LINE_MAX): string {
  const tags: string[] = [];
  let length = 0;
  for (const [index, label] of labels.entries()) {
    const next = tag(label);
    const rest = labels.length - index;
    if (length + next.length + 1 > max - (rest > 1 ? 10 : 0)) {
      tags.push(`+${rest} more`);
      break;
    }
    tags.push(next);
    length += next.length + 1;
  }
  return tags.join(' ');
}

export function label(text: string): string {
  return escapeAndTruncate(text, LABEL_MAX).text;
}

function followUpText(followUp: FollowUpMarker, options: RenderOptions): string {
  const who = mention(followUp.assigneeId, 'assignee');
  switch (followUp.status) {
    case 'done':
      return ':white_check_mark: Follow-up done';
    case 'open':
      return followUp.overdue
        ? `:warning: *Follow-up overdue* since ${dateToken(followUp.dueAt, options)} for ${who}`
        : `:alarm_clock: Follow-up ${dateToken(followUp.dueAt, options)} for ${who}`;
    case 'cancelled':
      return '';
  }
}

function menuFor(item: InteractionItemView, options: ItemRenderOptions): Overflow | undefined {
  const entries: PlainTextOption[] = [];
  const value = (a: 'edit' | 'delete' | 'followup') =>
    encodeValue(ButtonValue.itemMenu, { a, i: item.id }, LIMITS.optionValue);
  if (item.canEdit) entries.push(option('Edit', value('edit')), option('Delete', value('delete')));
  if (options.canLog) entries.push(option('Log follow-up', value('followup')));
  if (entries.length === 0) return undefined;
  return {
    type: 'overflow',
    action_id: itemActionId(ItemActionPrefix.itemMenu, item.id),
    options: entries.slice(0, LIMITS.overflowOptions),
  };
}

/**
 * One compact item: a section (badge, type, tags, description preview, menu), a context line
 * (author, date, follow-up, files, source) and, for long text, a "Show more" button.
 */
export function interactionItemBlocks(item: InteractionItemView, options: ItemRenderOptions): KnownBlock[] {
  let title = `${typeBadge(item.typeLabel)} *${label(item.typeLabel)}*`;
  if (options.showContact) title += ` · *${label(item.contactName)}*`;
  if (item.important) title += '  :exclamation: *Important*';
  const lines = [title];
  if (item.actions.length > 0) lines.push(tagsLine(item.actions));
  if (item.visitAddress) lines.push(addressLine(item.visitAddress));
  // Long runs of blank lines would make one item fill the screen.
  const description = item.description.replace(/\n{3,}/g, '\n\n').trim();
  const preview = escapeAndTruncate(description, DESCRIPTION_PREVIEW);
  if (preview.text) lines.push(preview.text);

  const main: SectionBlock = section(lines.join('\n'), { block_id: BlockId.item(item.id) });
  const menu = menuFor(item, options);
  if (menu) main.accessory = menu;

  const meta = [
    `by ${mention(item.authorId, item.authorName.slice(0, LABEL_MAX))}`,
    dateToken(item.occurredAt, options),
  ];
  if (item.followUp) meta.push(followUpText(item.followUp, options));
  if (item.attachmentCount > 0) {
    meta.push(`:paperclip: ${item.attachmentCount} file${item.attachmentCount === 1 ? '' : 's'}`);
  }
  const source = safeLink(item.sourceLink, 'original message');
  if (source) meta.push(source);

  const blocks: KnownBlock[] = [main, context([meta.filter(Boolean).join(' · ')], BlockId.itemMeta(item.id))];
  if (preview.truncated) {
    const value = encodeValue(ButtonValue.interaction, { i: item.id });
    blocks.push(
      actions(BlockId.itemMore(item.id), [
        button('Show more', itemActionId(ItemActionPrefix.itemShowMore, item.id), value),
      ]),
    );
  }
  return blocks;
}

/** Context line shown in place of items when there are none. */
export function emptyNote(text: string): KnownBlock {
  return { type: 'section', text: plain(text) };
}
