import { readFilterFormTarget } from '../../blocks/filter-form.js';
import { tenantOf } from '../../middleware/tenant.js';
import { readFilterForm } from '../../payloads/filter-form-state.js';
import { formStateOf } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import { listMessage } from '../support/list-message.js';
import type { SubmitArgs } from '../support/listener-args.js';
import { replyByApi, replyToUrl } from '../support/reply.js';

/**
 * The filter form (from `/interaction list` with no filters, "Refine filters" or the Home
 * tab): bad fields are shown under their inputs; otherwise the modal closes and the list is
 * sent where the form was opened from (ephemeral), replacing the list it refines.
 */
export async function submitFilterForm(
  { ack, body, view, client, context }: SubmitArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const result = await readFilterForm(formStateOf(view), tenant, deps);
  if (!result.ok) {
    await ack({ response_action: 'errors', errors: result.errors });
    return;
  }
  await ack();
  const target = readFilterFormTarget(view.private_metadata);
  const reply = target.ru ? replyToUrl(target.ru) : replyByApi(client, body.user.id, target.ch);
  const message = await listMessage(tenant, deps, result.query);
  await reply(message, { replace: target.r === 1 });
}
