import type { ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ValidationError } from '../../../../core/shared/errors.js';
import type { PlatformFacts } from '../../../../core/workspaces/arrival.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { noticeView } from '../../blocks/interaction-modals.js';
import { isDomainError, userMessageFor } from '../../errors.js';
import { slackFactsOf } from '../../middleware/slack-profile.js';
import type { Tenant } from '../../middleware/tenant.js';
import type { FormValues } from '../../payloads/interaction-form-state.js';
import type { SlackDeps } from '../deps.js';
import { type BlockErrors, pickerValues, toBlockErrors } from './interaction-form-input.js';

/** The input blocks of the submitted view, in order: the only places Slack can show an error. */
export function inputBlockIds(view: ViewOutput): string[] {
  return view.blocks.flatMap((block) =>
    block.type === 'input' && typeof block.block_id === 'string' ? [block.block_id] : [],
  );
}

export function hasErrors(errors: BlockErrors): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * What the modal shows when the core refused a submission: field errors under their inputs
 * (nothing was written, the user fixes and submits again), anything else (a viewer, a record
 * deleted meanwhile) as a notice in place of the form. Unexpected errors return undefined and
 * go on to the global handler.
 */
export function refusal(
  error: unknown,
  values: FormValues,
  view: ViewOutput,
  tenant: Tenant,
  now: Date,
  title: string,
): ViewResponseAction | undefined {
  if (error instanceof ValidationError) {
    const today = pickerValues(now, personalTime(tenant).timeZone).date;
    const errors = toBlockErrors(error.fieldErrors, values, inputBlockIds(view), today);
    if (hasErrors(errors)) return { response_action: 'errors', errors };
  }
  if (isDomainError(error))
    return { response_action: 'update', view: noticeView(title, userMessageFor(error)) };
  return undefined;
}

/**
 * The core only assigns follow-ups to members it knows; a person picked in the users select may
 * never have used the app, so they are registered first (with their Slack name). Bots and
 * deactivated accounts are not: the core then explains why they cannot be assigned.
 */
export async function registerAssignee(
  client: WebClient,
  deps: SlackDeps,
  tenant: Tenant,
  assigneeId: string | undefined,
): Promise<void> {
  if (!assigneeId || assigneeId === tenant.actor.userId) return;
  if (await deps.container.workspaces.findMember(tenant.actor, { userId: assigneeId })) return;
  let displayName: string | undefined;
  let facts: PlatformFacts;
  try {
    const { user } = await client.users.info({ user: assigneeId });
    if (!user || user.is_bot || user.deleted) return;
    displayName = user.real_name || user.name || undefined;
    facts = slackFactsOf(user);
  } catch {
    return;
  }
  // Registered with what Slack says of them, so a guest assignee starts as a viewer too.
  await deps.container.workspaces.resolveActor({
    workspace: tenant.workspace,
    userId: assigneeId,
    ...(displayName ? { displayName } : {}),
    facts,
  });
}
