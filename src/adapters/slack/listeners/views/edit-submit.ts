import type { Interaction } from '../../../../core/interactions/interaction.js';
import { assertCanWrite } from '../../../../core/shared/actor.js';
import { ErrorCode, isDomainError, ValidationError } from '../../../../core/shared/errors.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { noticeView } from '../../blocks/interaction-modals.js';
import { ALREADY_DELETED, deletedText, updatedText } from '../../blocks/log-confirmation.js';
import { userMessageFor } from '../../errors.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { decodeDeleteMetadata, decodeFormMetadata, type FormMetadata } from '../../payloads/form-metadata.js';
import { type FormValues, readFormValues } from '../../payloads/interaction-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import { editInputFrom } from '../support/interaction-form-input.js';
import type { SubmitArgs } from '../support/listener-args.js';
import { publishHome } from '../support/publish-home.js';
import { tellUser } from '../support/replies.js';
import { refusal, registerAssignee } from '../support/submit-support.js';

async function editFromForm(
  args: SubmitArgs,
  deps: SlackDeps,
  tenant: Tenant,
  values: FormValues,
): Promise<{ updated: Interaction; metadata: FormMetadata }> {
  assertCanWrite(tenant.actor);
  const metadata = decodeFormMetadata(args.view.private_metadata);
  const { input, errors } = editInputFrom(values, metadata, personalTime(tenant).timeZone);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (values.followUpDate) await registerAssignee(args.client, deps, tenant, values.assigneeId);
  return { updated: await deps.container.interactions.editInteraction(tenant.actor, input), metadata };
}

/**
 * F7 edit submission: inline errors like the log form; refusals (not the author, deleted
 * meanwhile) replace the form with a notice. Saving the same modal twice changes nothing the
 * second time, and a claim on the view id keeps the confirmation to one.
 */
export async function submitEditForm(args: SubmitArgs, deps: SlackDeps): Promise<void> {
  const { ack, view, client, context, body } = args;
  const tenant = tenantOf(context);
  const values = readFormValues(formStateOf(view));
  const now = deps.container.clock.now();
  let outcome: Awaited<ReturnType<typeof editFromForm>>;
  try {
    outcome = await editFromForm(args, deps, tenant, values);
  } catch (error) {
    const answer = refusal(error, values, view, tenant, now, 'Not saved');
    if (!answer) throw error;
    await ack(answer);
    return;
  }
  await ack();
  if (!(await deps.container.exactlyOnce.claim(tenant.actor, 'slack.edit-confirmation', view.id))) return;
  const target = { userId: body.user.id, ...(outcome.metadata.ch ? { channelId: outcome.metadata.ch } : {}) };
  await tellUser(client, target, { text: updatedText(outcome.updated) }, deps.container.logger);
  await publishHome(client, tenant, deps);
}

/**
 * F7 delete, after the confirm modal. Deleting twice (double submit, retry, two people) is not
 * an error for the user: the second answer is a friendly "already deleted".
 */
export async function submitDeleteConfirm(args: SubmitArgs, deps: SlackDeps): Promise<void> {
  const { ack, view, client, context, body } = args;
  const tenant = tenantOf(context);
  let deleted: Interaction;
  let channelId: string | undefined;
  try {
    const metadata = decodeDeleteMetadata(view.private_metadata);
    channelId = metadata.ch;
    ({ deleted } = await deps.container.interactions.deleteInteraction(tenant.actor, { id: metadata.i }));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const notice =
      error.code === ErrorCode.InteractionNotFound
        ? noticeView('Already deleted', ALREADY_DELETED)
        : noticeView('Not deleted', userMessageFor(error));
    await ack({ response_action: 'update', view: notice });
    return;
  }
  await ack();
  const target = { userId: body.user.id, ...(channelId ? { channelId } : {}) };
  await tellUser(client, target, { text: deletedText(deleted) }, deps.container.logger);
  await publishHome(client, tenant, deps);
}
