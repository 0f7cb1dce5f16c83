import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isDomainError } from '../../../../core/shared/errors.js';
import type { Logger } from '../../../../core/shared/ports.js';
import { noticeModal } from '../../blocks/modal-kit.js';
import { userMessageFor } from '../../errors.js';
import { openModal, type ReplyTarget } from './replies.js';

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
