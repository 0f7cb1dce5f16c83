import type { WebClient } from '@slack/web-api';
import type { LogInteractionResult } from '../../../core/interactions/interaction.service.js';
import { assertCanWrite } from '../../../core/shared/actor.js';
import { ValidationError } from '../../../core/shared/errors.js';
import { publishHome } from '../home/publish-home.js';
import type { SlackDeps } from '../listeners/deps.js';
import { type Tenant, tenantOf } from '../middleware/tenant.js';
import { decodeFormMetadata, type FormMetadata } from './form-metadata.js';
import { logInputFrom } from './interaction-form-input.js';
import { type FormValues, readFormValues } from './interaction-form-state.js';
import { loggedMessage } from './log-confirmation.js';
import { tellUser } from './replies.js';
import {
  addsToLists,
  refusal,
  registerAssignee,
  renderOptionsOf,
  type SubmitArgs,
} from './submit-support.js';

/** F6: the message's permalink, when opening the form could not know it. Best effort. */
async function withSourceLink(
  client: WebClient,
  deps: SlackDeps,
  metadata: FormMetadata,
): Promise<FormMetadata> {
  const { msg } = metadata;
  if (!msg || msg.link || !msg.ch || !msg.ts) return metadata;
  try {
    const { permalink } = await client.chat.getPermalink({ channel: msg.ch, message_ts: msg.ts });
    return permalink ? { ...metadata, msg: { ...msg, link: permalink } } : metadata;
  } catch (error) {
    // Logged without the link rather than not logged: the text is what matters.
    deps.container.logger.warn('Could not get the permalink of a logged message', { error: String(error) });
    return metadata;
  }
}

/** Validates, registers the assignee, fetches the message link, logs. Throws what was refused. */
async function logFromForm(
  args: SubmitArgs,
  deps: SlackDeps,
  tenant: Tenant,
  values: FormValues,
): Promise<{ result: LogInteractionResult; metadata: FormMetadata }> {
  const { view, client } = args;
  // First of all: a viewer must not register assignees or fetch links either.
  assertCanWrite(tenant.actor);
  const timeZone = tenant.workspace.settings.timezone;
  const context = { viewId: view.id, timeZone };
  const opened = decodeFormMetadata(view.private_metadata);
  const { errors } = logInputFrom(values, { ...context, metadata: opened });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (values.followUpDate) await registerAssignee(client, deps, tenant, values.assigneeId);
  const metadata = await withSourceLink(client, deps, opened);
  const { input } = logInputFrom(values, { ...context, metadata });
  return { result: await deps.container.interactions.logInteraction(tenant.actor, input), metadata };
}

/**
 * F1–F6 submission. Everything the user can fix comes back inline under its field and nothing
 * is written. The records are keyed on the view id, so a double submit or a retry of the same
 * modal logs one set and confirms once. Confirmation and Home refresh happen after the ack.
 */
export async function submitLogForm(args: SubmitArgs, deps: SlackDeps): Promise<void> {
  const { ack, view, client, context, body } = args;
  const tenant = tenantOf(context);
  const values = readFormValues(view.state.values);
  let outcome: Awaited<ReturnType<typeof logFromForm>>;
  try {
    outcome = await logFromForm(args, deps, tenant, values);
  } catch (error) {
    const answer = refusal(error, values, view, tenant, deps.container.clock.now(), 'Not logged');
    if (!answer) throw error;
    await ack(answer);
    return;
  }
  await ack();
  const { result, metadata } = outcome;
  // A replay (double submit, retry) wrote nothing new; the first submission already confirmed.
  if (result.replayed) return;
  if (addsToLists(values, tenant, result.interactions[0]?.type)) deps.invalidateTenantCache();
  const target = { userId: body.user.id, ...(metadata.ch ? { channelId: metadata.ch } : {}) };
  await tellUser(client, target, loggedMessage(result, renderOptionsOf(tenant)), deps.container.logger);
  await publishHome(client, tenant, deps);
}
