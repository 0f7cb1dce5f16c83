import type { InputBlock, KnownBlock, ModalView, PlainTextInput } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isDomainError } from '../../../core/shared/errors.js';
import type { Logger } from '../../../core/shared/ports.js';
import { plain, section } from '../blocks/block-kit.js';
import { LIMITS } from '../blocks/limits.js';
import { userMessageFor } from '../errors.js';
import type { FieldIds } from '../ids.js';
import { openModal, type ReplyTarget } from './replies.js';

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

/** The placeholder a slow form shows while it loads, and who hears about a trigger that expired. */
export interface LoadingModal {
  callbackId: string;
  title: string;
  /** Says what is being loaded; "Loading…" when absent. */
  text?: string;
  target: ReplyTarget;
}

/**
 * Opens a "Loading…" modal right away (trigger_ids expire within 3 s, so no database work comes
 * before views.open), then replaces it with the loaded view. A domain error (the contact was
 * deleted, a viewer opened an admin form) is shown in the modal itself; anything else is shown
 * as a failure there too and rethrown to the global error handler, which logs it.
 */
export async function openThenFill(
  client: WebClient,
  triggerId: string,
  loading: LoadingModal,
  load: () => Promise<ModalView>,
  logger: Logger,
): Promise<void> {
  const text = loading.text ?? ':hourglass_flowing_sand: Loading…';
  const opened = await openModal(
    client,
    triggerId,
    noticeModal(loading.callbackId, loading.title, text),
    loading.target,
    logger,
  );
  if (!opened) return; // expired (the user was told) or a double click (the first one fills it)
  let view: ModalView;
  let failure: unknown;
  try {
    view = await load();
  } catch (error) {
    failure = error;
    const text = isDomainError(error)
      ? userMessageFor(error)
      : ':warning: Something went wrong while loading this form. Please try again.';
    view = noticeModal(loading.callbackId, loading.title, text);
  }
  try {
    // The hash makes Slack refuse the update if the user already moved on in this modal.
    await client.views.update({ view_id: opened.id, hash: opened.hash, view });
  } catch (error) {
    logger.warn('Could not fill a modal after loading', { error: String(error) });
  }
  if (failure !== undefined && !isDomainError(failure)) throw failure;
}
