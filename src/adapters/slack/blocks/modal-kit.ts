import type { InputBlock, KnownBlock, ModalView, PlainTextInput } from '@slack/types';
import type { FieldIds } from '../ids.js';
import { plain, section } from './block-kit.js';
import { LIMITS } from './limits.js';

/** Small builders shared by the contact, merge, search and settings modals. */

export function modal(
  callbackId: string,
  title: string,
  blocks: KnownBlock[],
  extra: { submit?: string; close?: string; privateMetadata?: string } = {},
): ModalView {
  const view: ModalView = {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
    close: plain(extra.close ?? 'Close', LIMITS.modalButton),
  };
  if (extra.submit) view.submit = plain(extra.submit, LIMITS.modalButton);
  if (extra.privateMetadata) view.private_metadata = extra.privateMetadata;
  return view;
}

export function textInput(
  ids: FieldIds,
  label: string,
  options: {
    initial?: string;
    multiline?: boolean;
    maxLength?: number;
    hint?: string;
    placeholder?: string;
  } = {},
): InputBlock {
  const element: PlainTextInput = { type: 'plain_text_input', action_id: ids.actionId };
  if (options.multiline) element.multiline = true;
  if (options.maxLength) element.max_length = Math.min(options.maxLength, LIMITS.plainTextInputLength);
  // Slack refuses an initial value longer than max_length, and an empty one is pointless.
  const initial = options.initial?.slice(0, element.max_length ?? LIMITS.plainTextInputLength);
  if (initial) element.initial_value = initial;
  if (options.placeholder) element.placeholder = plain(options.placeholder, LIMITS.placeholder);
  return input(ids, label, element, { optional: true, ...(options.hint ? { hint: options.hint } : {}) });
}

export function input(
  ids: FieldIds,
  label: string,
  element: InputBlock['element'],
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  const block: InputBlock = {
    type: 'input',
    block_id: ids.blockId,
    label: plain(label, LIMITS.inputLabel),
    element,
    optional: options.optional ?? false,
  };
  if (options.hint) block.hint = plain(options.hint, LIMITS.inputHint);
  return block;
}

/** A message-only modal: what is shown when loading failed or the work is done. */
export function noticeModal(callbackId: string, title: string, text: string): ModalView {
  return modal(callbackId, title, [section(text)]);
}
