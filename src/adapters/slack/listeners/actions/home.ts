import type { WebClient } from '@slack/web-api';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { ButtonValue, decodeValue } from '../../payloads/action-values.js';
import type { SlackDeps } from '../deps.js';
import type { ButtonArgs, SelectArgs } from '../support/listener-args.js';
import { openContactSearchModal } from '../support/open-contact-forms.js';
import { openLogForm } from '../support/open-forms.js';
import { publishHome } from '../support/publish-home.js';
import { snoozeInputFrom } from '../support/snooze-input.js';
import { timelineMessage } from '../support/timeline-message.js';

/**
 * F12 App Home buttons: Log interaction, Search (contact search modal), and per follow-up Done,
 * Snooze and Open timeline. After a follow-up change the Home is republished — also when the
 * change was refused (already done elsewhere), so the tab never keeps showing a stale row.
 */
export async function onHomeLog(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  await openLogForm(args.client, args.body.trigger_id, tenantOf(args.context), deps);
}

export async function onHomeSearch(args: ButtonArgs): Promise<void> {
  await args.ack();
  await openContactSearchModal(args.client, args.body.trigger_id);
}

export async function onHomeFollowUpDone(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { i } = decodeValue(ButtonValue.followUp, args.action.value);
  await thenRefresh(args.client, tenant, deps, () =>
    deps.container.followUps.markDone(tenant.actor, { interactionId: i }),
  );
}

export async function onHomeFollowUpSnooze(args: SelectArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const value = args.action.selected_option.value;
  await thenRefresh(args.client, tenant, deps, async () => {
    const now = deps.container.clock.now();
    const input = await snoozeInputFrom(args.client, tenant.actor.userId, value, now);
    return deps.container.followUps.snooze(tenant.actor, input);
  });
}

export async function onHomeFollowUpTimeline(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const tenant = tenantOf(args.context);
  const { c } = decodeValue(ButtonValue.followUp, args.action.value);
  const message = await timelineMessage(tenant, deps, { k: 'contact', s: c });
  // The Home tab has no response_url: the timeline goes to the app's DM with the user.
  await args.client.chat.postMessage({
    channel: tenant.actor.userId,
    text: message.text,
    blocks: message.blocks,
  });
}

async function thenRefresh(client: WebClient, tenant: Tenant, deps: SlackDeps, work: () => Promise<unknown>) {
  try {
    await work();
  } finally {
    await publishHome(client, tenant, deps);
  }
}
