import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { logInteractionSchema } from '../../../../core/interactions/interaction.schemas.js';
import type { LogInteractionResult } from '../../../../core/interactions/interaction.service.js';
import { assertCanWrite } from '../../../../core/shared/actor.js';
import { STORE_UNREACHABLE_NOTHING_SAVED } from '../../../../core/shared/describe-failure.js';
import { ValidationError } from '../../../../core/shared/errors.js';
import { storeUnreachableIn } from '../../../../core/shared/store-unreachable.js';
import { writeOutcomeOf } from '../../../../core/shared/write-outcome.js';
import { parseInput } from '../../../../core/shared/zod.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { plural } from '../../blocks/block-kit.js';
import { interactionFormView } from '../../blocks/interaction-form-blocks.js';
import { noticeView } from '../../blocks/interaction-modals.js';
import { loggedMessage } from '../../blocks/log-confirmation.js';
import { isDomainError, userMessageFor } from '../../errors.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { slackErrorCode } from '../../notifiers/slack-errors.js';
import { decodeFormMetadata, type FormMetadata } from '../../payloads/form-metadata.js';
import { type FormValues, readFormValues } from '../../payloads/interaction-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import { beforeDeadline, timedAckDeadline } from '../support/ack-deadline.js';
import { logInputFrom } from '../support/interaction-form-input.js';
import type { SubmitArgs } from '../support/listener-args.js';
import { publishHome } from '../support/publish-home.js';
import { updateLoggedReminder } from '../support/reminder-update.js';
import { tellUser } from '../support/replies.js';
import { refusal, registerAssignee } from '../support/submit-support.js';

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

/** What the form alone can tell, before any call: nothing is written or fetched if it fails. */
function checkForm(args: SubmitArgs, tenant: Tenant, values: FormValues, now: Date): void {
  // First of all: a viewer must not register assignees or fetch links either.
  assertCanWrite(tenant.actor);
  const { view } = args;
  const context = { viewId: view.id, timeZone: personalTime(tenant).timeZone };
  const opened = decodeFormMetadata(view.private_metadata);
  const { input, errors } = logInputFrom(values, { ...context, metadata: opened });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  // The core's own input rules, so they come back inline however slow the write turns out.
  parseInput(logInteractionSchema(now), input);
}

/** Registers the assignee, fetches the message link, logs. Throws what was refused. */
async function logFromForm(
  args: SubmitArgs,
  deps: SlackDeps,
  tenant: Tenant,
  values: FormValues,
): Promise<{ result: LogInteractionResult; metadata: FormMetadata }> {
  const { view, client } = args;
  const context = { viewId: view.id, timeZone: personalTime(tenant).timeZone };
  if (values.followUpDate) await registerAssignee(client, deps, tenant, values.assigneeId);
  const metadata = await withSourceLink(client, deps, decodeFormMetadata(view.private_metadata));
  const { input } = logInputFrom(values, { ...context, metadata });
  return { result: await deps.container.interactions.logInteraction(tenant.actor, input), metadata };
}

/** A refusal as the modal shows it (inline errors or a notice), or the error rethrown. */
async function refuse(args: SubmitArgs, deps: SlackDeps, tenant: Tenant, values: FormValues, error: unknown) {
  const answer = refusal(error, values, args.view, tenant, deps.container.clock.now(), 'Not logged');
  if (!answer) throw error;
  await args.ack(answer);
}

/** After the write: the confirmation where the form was opened (else a DM), and a fresh Home. */
async function confirm(
  args: SubmitArgs,
  deps: SlackDeps,
  tenant: Tenant,
  outcome: Awaited<ReturnType<typeof logFromForm>>,
): Promise<void> {
  const { client, body } = args;
  const { result, metadata } = outcome;
  // A replay (double submit, retry) wrote nothing new; the first submission already confirmed.
  if (result.replayed) return;
  const target = { userId: body.user.id, ...(metadata.ch ? { channelId: metadata.ch } : {}) };
  await tellUser(client, target, loggedMessage(result, personalTime(tenant)), deps.container.logger);
  await publishHome(client, tenant, deps);
  await updateLoggedReminder(client, tenant, metadata, result, deps.container.clock.now());
}

/** Replaces the "saving" view; the user may have closed it meanwhile, which is fine. */
async function replaceSavingView(args: SubmitArgs, deps: SlackDeps, view: ModalView): Promise<void> {
  try {
    await args.client.views.update({ view_id: args.view.id, view });
  } catch (error) {
    deps.container.logger.info('The saving view was gone before it could be replaced', {
      error: slackErrorCode(error) ?? String(error),
    });
  }
}

/**
 * The write outlived the ack: the modal says it is saving, and is then replaced by the outcome.
 * A refusal brings the form back with everything typed and the reason on top (nothing was
 * written, so pressing Log again is safe); a failure once the write had started says it may
 * have been saved instead. An unexpected error also reaches the global handler.
 */
async function finishAfterAck(
  args: SubmitArgs,
  deps: SlackDeps,
  tenant: Tenant,
  values: FormValues,
  writing: ReturnType<typeof logFromForm>,
): Promise<void> {
  const count = values.contacts.length;
  await args.ack({
    response_action: 'update',
    view: noticeView('Saving…', `:hourglass_flowing_sand: Logging for ${plural(count, 'contact')}…`),
  });
  let outcome: Awaited<ReturnType<typeof logFromForm>>;
  try {
    outcome = await writing;
  } catch (error) {
    if (writeOutcomeOf(error) === 'unknown') {
      // Saying "nothing was saved" here makes people log twice: the write may well have landed.
      await replaceSavingView(
        args,
        deps,
        noticeView(
          'Maybe saved',
          `:warning: Something went wrong while saving, and this may have been logged for ${plural(count, 'contact')} after all. Look at the timeline before logging it again.`,
        ),
      );
      throw error;
    }
    const reason = isDomainError(error)
      ? userMessageFor(error)
      : storeUnreachableIn(error)
        ? STORE_UNREACHABLE_NOTHING_SAVED
        : 'Something went wrong while saving. Please try again.';
    const metadata = decodeFormMetadata(args.view.private_metadata);
    const files = values.files.length > 0 ? ' Attach the files again before you do.' : '';
    await replaceSavingView(
      args,
      deps,
      interactionFormView({
        mode: 'log',
        settings: tenant.workspace.settings,
        time: personalTime(tenant),
        values: { ...values, files: [] },
        metadata,
        notice: `:warning: *Not logged.* ${reason}\nNothing was saved: fix it and press Log again.${files}`,
      }),
    );
    if (!isDomainError(error)) throw error;
    return;
  }
  await replaceSavingView(
    args,
    deps,
    noticeView(
      'Logged',
      `:white_check_mark: Logged for ${plural(count, 'contact')}. The confirmation links to each timeline.`,
    ),
  );
  await confirm(args, deps, tenant, outcome);
}

/**
 * F1–F6 submission. Everything the user can fix comes back inline under its field and nothing
 * is written. The records are keyed on the view id, so a double submit or a retry of the same
 * modal logs one set and confirms once. Confirmation and Home refresh happen after the ack.
 * A write that outlives the ack deadline (hundreds of contacts on a slow database) finishes
 * after a "saving" view, so Slack never drops the submission.
 */
export async function submitLogForm(args: SubmitArgs, deps: SlackDeps): Promise<void> {
  const tenant = tenantOf(args.context);
  const values = readFormValues(formStateOf(args.view));
  try {
    checkForm(args, tenant, values, deps.container.clock.now());
  } catch (error) {
    await refuse(args, deps, tenant, values, error);
    return;
  }
  const writing = logFromForm(args, deps, tenant, values);
  const raced = await beforeDeadline(writing, deps.submissionDeadline ?? timedAckDeadline());
  if (raced.kind === 'late') {
    await finishAfterAck(args, deps, tenant, values, writing);
  } else if (raced.kind === 'failed') {
    await refuse(args, deps, tenant, values, raced.error);
  } else {
    await args.ack();
    await confirm(args, deps, tenant, raced.value);
  }
}
