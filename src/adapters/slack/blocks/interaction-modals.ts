import type { KnownBlock, ModalView } from '@slack/types';
import type { Interaction } from '../../../core/interactions/interaction.js';
import { CallbackId } from '../ids.js';
import { type DeleteMetadata, encodeDeleteMetadata } from '../payloads/form-metadata.js';
import { context, mention, plain, type RenderOptions, safeLink, section } from './block-kit.js';
import { addressLine, dateToken, label, typeBadge } from './interaction-item-blocks.js';
import { escapeAndTruncate, escapeMrkdwn, LIMITS } from './limits.js';

/** A modal that only says something: the answer to a submission that cannot go through. */
export function noticeView(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(title, LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalButton),
    blocks: [section(text)],
  };
}

/** "Call with Yossi Lévy" in bold, escaped: how the dialogs name one record. */
function what(interaction: Interaction): string {
  return `${typeBadge(interaction.type)} *${label(interaction.type)}* with *${label(interaction.contactName)}*`;
}

/** F7: deleting is irreversible for users, so it asks first and says so. */
export function deleteConfirmView(
  interaction: Interaction,
  options: RenderOptions,
  metadata: DeleteMetadata,
): ModalView {
  const blocks: KnownBlock[] = [
    section(
      `Delete this ${what(interaction)} from ${dateToken(interaction.occurredAt, options)}?\n` +
        'It disappears from every timeline and list, with its follow-up and file links. This cannot be undone.',
    ),
  ];
  const preview = escapeAndTruncate(interaction.description.trim(), 300).text;
  if (preview) blocks.push(context([preview]));
  return {
    type: 'modal',
    callback_id: CallbackId.deleteConfirm,
    title: plain('Delete interaction', LIMITS.modalTitle),
    submit: plain('Delete', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: encodeDeleteMetadata(metadata),
    blocks,
  };
}

/** Escaped text in pieces that each fit a section, never cutting an entity such as `&amp;`. */
export function escapedChunks(text: string, max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (current.length + piece.length > max) {
      chunks.push(current);
      current = '';
    }
    current += piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** "Show more": the whole description, which the item preview cut. */
export function fullDescriptionView(interaction: Interaction, options: RenderOptions): ModalView {
  const meta = [
    `by ${mention(interaction.authorId, interaction.authorName.slice(0, 100))}`,
    dateToken(interaction.occurredAt, options),
  ];
  const source = safeLink(interaction.source.link, 'original message');
  if (source) meta.push(source);
  const heading = interaction.visitAddress
    ? `${what(interaction)}\n${addressLine(interaction.visitAddress)}`
    : what(interaction);
  const text = interaction.description.trim();
  const body = text ? escapedChunks(text).map((chunk) => section(chunk)) : [section('_No description._')];
  return {
    type: 'modal',
    title: plain('Interaction', LIMITS.modalTitle),
    close: plain('Close', LIMITS.modalButton),
    blocks: [section(heading), context([meta.join(' · ')]), ...body].slice(0, LIMITS.viewBlocks),
  };
}
