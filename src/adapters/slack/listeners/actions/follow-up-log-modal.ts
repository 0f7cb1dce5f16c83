import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { ValidationError } from '../../../../core/shared/errors.js';
import type { Workspace } from '../../../../core/workspaces/workspace.js';
import { LIMITS, truncateText } from '../../blocks/limits.js';
import { isDomainError, userMessageFor } from '../../errors.js';
import { CallbackId, FollowUpLogField } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { option, plain } from '../../views/blocks.js';
import type { FollowUpActionDeps } from './follow-up-actions.js';
import { reminderAfterAction, renderOptionsOf, updateReminder } from './follow-up-outcome.js';

const DONE_VALUE = 'done';

/** The modal's private_metadata: the follow-up, its contact, and the DM message to update. */
const logFollowUpMetadata = z
  .object({
    i: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    c: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    ch: z.string().max(40).optional(),
    ts: z.string().max(40).optional(),
  })
  .strict();
export type LogFollowUpMetadata = z.infer<typeof logFollowUpMetadata>;

/**
 * Minimal "Log the follow-up" modal, used until the full log form can be opened prefilled:
 * the contact is fixed, the user picks a type, writes what happened, and may close the
 * follow-up in the same step.
 */
export function logFollowUpView(workspace: Workspace, metadata: LogFollowUpMetadata): ModalView {
  const types = workspace.settings.interactionTypes.slice(0, LIMITS.selectOptions);
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: FollowUpLogField.type.blockId,
      label: plain('Type'),
      element: {
        type: 'static_select',
        action_id: FollowUpLogField.type.actionId,
        placeholder: plain('Call, visit…'),
        options: types.map((type) => option(type, truncateText(type, LIMITS.optionValue))),
      },
    },
    {
      type: 'input',
      block_id: FollowUpLogField.description.blockId,
      optional: true,
      label: plain('What happened'),
      element: {
        type: 'plain_text_input',
        action_id: FollowUpLogField.description.actionId,
        multiline: true,
        max_length: LIMITS.plainTextInputLength,
      },
    },
    {
      type: 'input',
      block_id: FollowUpLogField.markDone.blockId,
      optional: true,
      label: plain('Follow-up'),
      element: {
        type: 'checkboxes',
        action_id: FollowUpLogField.markDone.actionId,
        options: [option('Mark this follow-up as done', DONE_VALUE)],
        initial_options: [option('Mark this follow-up as done', DONE_VALUE)],
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: CallbackId.logFollowUp,
    title: plain('Log the follow-up', LIMITS.modalTitle),
    submit: plain('Log', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export async function openLogFollowUpModal(
  client: WebClient,
  triggerId: string,
  workspace: Workspace,
  metadata: LogFollowUpMetadata,
): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: logFollowUpView(workspace, metadata) });
}

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function readSubmission(view: ViewSubmitAction['view']) {
  const values = view.state.values;
  const type =
    values[FollowUpLogField.type.blockId]?.[FollowUpLogField.type.actionId]?.selected_option?.value;
  const description =
    values[FollowUpLogField.description.blockId]?.[FollowUpLogField.description.actionId]?.value;
  const checked =
    values[FollowUpLogField.markDone.blockId]?.[FollowUpLogField.markDone.actionId]?.selected_options;
  return {
    type: type ?? '',
    description: description ?? '',
    markDone: (checked ?? []).some((selected) => selected.value === DONE_VALUE),
  };
}

/** Field paths of the log use case → the modal's blocks, for inline errors. */
function formErrors(error: ValidationError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const block =
      path === 'description' ? FollowUpLogField.description.blockId : FollowUpLogField.type.blockId;
    errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
  }
  return errors;
}

export function registerLogFollowUpModal(app: App, deps: FollowUpActionDeps): void {
  app.view<ViewSubmitAction>(
    CallbackId.logFollowUp,
    async ({ ack, view, body, client, context }: SubmitArgs) => {
      const { actor, workspace } = tenantOf(context);
      let metadata: LogFollowUpMetadata;
      try {
        metadata = logFollowUpMetadata.parse(JSON.parse(view.private_metadata));
      } catch {
        await ack({
          response_action: 'errors',
          errors: { [FollowUpLogField.type.blockId]: 'This form is out of date.' },
        });
        return;
      }
      const input = readSubmission(view);
      try {
        // The view id is stable across double submits: the log is written once.
        await deps.interactions.logInteraction(actor, {
          idempotencyKey: `follow-up-log:${view.id}`,
          contactIds: [metadata.c],
          type: input.type,
          description: input.description,
        });
      } catch (error) {
        if (error instanceof ValidationError) {
          await ack({ response_action: 'errors', errors: formErrors(error) });
          return;
        }
        if (!isDomainError(error)) throw error;
        await ack({
          response_action: 'errors',
          errors: { [FollowUpLogField.type.blockId]: userMessageFor(error) },
        });
        return;
      }
      await ack();
      let note = `:memo: Follow-up logged by <@${body.user.id}>.`;
      let interaction = await deps.findInteraction(actor, metadata.i);
      if (input.markDone && interaction?.followUp?.status === 'open') {
        try {
          interaction = await deps.followUps.markDone(actor, { interactionId: metadata.i });
          note = `:memo: Follow-up logged and marked done by <@${body.user.id}>.`;
        } catch (error) {
          // The log is saved; only closing the follow-up was refused (e.g. not the assignee).
          if (!isDomainError(error)) throw error;
          deps.logger.info('Follow-up logged but not closed', { reason: error.message });
        }
      }
      if (!interaction) return;
      const message = reminderAfterAction(
        interaction,
        deps.clock.now(),
        renderOptionsOf(workspace),
        note,
        true,
      );
      await updateReminder(client, { channel: metadata.ch, ts: metadata.ts }, message);
    },
  );
}
