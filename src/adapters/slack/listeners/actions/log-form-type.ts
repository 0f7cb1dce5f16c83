import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { interactionFormView, showsVisitAddress } from '../../blocks/interaction-form-blocks.js';
import { InteractionFormField as F, OTHER_TYPE_VALUE } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { slackErrorCode } from '../../notifiers/slack-errors.js';
import { decodeFormMetadata } from '../../payloads/form-metadata.js';
import { readFormValues } from '../../payloads/interaction-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import { inputBlockIds } from '../support/submit-support.js';

/**
 * F3 inside the log and edit forms: choosing Visit reveals the address field, "Other…" the
 * custom type field. The form is re-rendered from its own state with the same block and action
 * ids, so Slack keeps everything already entered; the hash makes a stale update fail instead of
 * overwriting a newer one.
 */
export async function onLogFormTypeChosen({
  ack,
  body,
  action,
  client,
  context,
}: SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs): Promise<void> {
  await ack();
  const view = body.view;
  if (!view) return;
  const values = readFormValues(formStateOf(view));
  // The state normally holds the new choice already; the action itself is authoritative.
  if (action.selected_option?.value) values.type = action.selected_option.value;
  const shown = new Set(inputBlockIds(view));
  const wantsCustom = values.type === OTHER_TYPE_VALUE;
  const wantsAddress = showsVisitAddress(values);
  if (shown.has(F.customType.blockId) === wantsCustom && shown.has(F.visitAddress.blockId) === wantsAddress) {
    return; // nothing appears or disappears: no update needed
  }
  const metadata = decodeFormMetadata(view.private_metadata);
  const tenant = tenantOf(context);
  const { settings } = tenant.workspace;
  const time = personalTime(tenant);
  const next = interactionFormView({ mode: metadata.m, settings, time, values, metadata });
  try {
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  } catch (error) {
    // The form changed meanwhile (another choice, already submitted): the newer one wins.
    if (slackErrorCode(error) === 'hash_conflict' || slackErrorCode(error) === 'not_found') return;
    throw error;
  }
}
