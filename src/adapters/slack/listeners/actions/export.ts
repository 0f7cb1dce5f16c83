import type { BlockAction } from '@slack/bolt';
import type { ResultQuery } from '../../../../core/queries/result-query.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { listValueOf, messageOf, timelineFilter, timelineValueOf } from '../support/action-support.js';
import { EXPORT_DEADLINE_MS, runExport } from '../support/export-runner.js';
import type { ButtonArgs } from '../support/listener-args.js';
import { type Reply, replyWith } from '../support/reply.js';

/** Claims of the Export button: one per click of one message's button by one person. */
export const EXPORT_BUTTON_CLAIM_SCOPE = 'export-button';

function botTokenOf(args: ButtonArgs): string {
  const token = args.context.botToken;
  if (typeof token !== 'string') throw new Error('This request carries no bot token');
  return token;
}

/**
 * A double click sends two payloads with different trigger ids; both name the same message.
 * The claim holds while the export runs, so the second click is told instead of exporting
 * twice; it is released afterwards so the button works again later, and lapses at the
 * export's deadline if the process died before releasing it.
 */
async function whileClaimed(
  deps: SlackDeps,
  tenant: Tenant,
  key: string,
  reply: Reply,
  work: () => Promise<void>,
): Promise<void> {
  const { exactlyOnce } = deps.container;
  if (!(await exactlyOnce.claimUntil(tenant.actor, EXPORT_BUTTON_CLAIM_SCOPE, key, EXPORT_DEADLINE_MS))) {
    await reply('This export is already being prepared.');
    return;
  }
  try {
    await work();
  } finally {
    await exactlyOnce.release(tenant.actor, EXPORT_BUTTON_CLAIM_SCOPE, key);
  }
}

/** Which click an export button claim stands for: the message, the button and who clicked. */
export function clickKey(body: BlockAction, actionId: string): string {
  const { channelId, messageTs } = messageOf(body);
  return `${channelId ?? 'none'}|${messageTs ?? body.trigger_id}|${actionId}|${body.user.id}`;
}

async function exportToChannel(args: ButtonArgs, deps: SlackDeps, query: ResultQuery): Promise<void> {
  const tenant = tenantOf(args.context);
  const reply = replyWith(args.respond);
  const channelId = messageOf(args.body).channelId ?? args.body.user.id;
  await whileClaimed(deps, tenant, clickKey(args.body, args.action.action_id), reply, async () => {
    await runExport({
      tenant,
      deps,
      botToken: botTokenOf(args),
      query,
      channelId,
      destination: 'channel',
      reply,
    });
  });
}

/** "Export CSV" under a list: the list's whole query, every row, shared in the channel. */
export async function onListExport(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const { filter, sort } = listValueOf(args.action.value);
  await exportToChannel(args, deps, { filter, sort });
}

/** "Export CSV" under a timeline: every interaction of the contact or organisation. */
export async function onTimelineExport(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const { ref } = timelineValueOf(args.action.value);
  await exportToChannel(args, deps, { filter: timelineFilter(ref), sort: 'date' });
}

/**
 * "Send it to me as a DM", offered when the bot could not post in the channel: the same
 * export, shared in the bot's DM with the user. One DM per offer: the claim is kept once sent.
 */
export async function onExportToDm(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  const { body, client } = args;
  const tenant = tenantOf(args.context);
  const reply = replyWith(args.respond);
  const { filter, sort } = listValueOf(args.action.value);
  const key = `${messageOf(body).messageTs ?? body.trigger_id}|${body.user.id}`;
  const { exactlyOnce } = deps.container;
  if (!(await exactlyOnce.claimUntil(tenant.actor, 'export-dm', key, EXPORT_DEADLINE_MS))) return;
  let outcome: Awaited<ReturnType<typeof runExport>> = 'failed';
  try {
    const dm = await client.conversations.open({ users: body.user.id });
    const channelId = dm.channel?.id;
    if (!channelId) throw new Error('Slack opened no DM channel');
    outcome = await runExport({
      tenant,
      deps,
      botToken: botTokenOf(args),
      query: { filter, sort },
      channelId,
      destination: 'dm',
      reply,
    });
  } finally {
    if (outcome !== 'posted') await exactlyOnce.release(tenant.actor, 'export-dm', key);
  }
  if (outcome === 'posted') {
    await reply(':white_check_mark: The CSV is in your direct messages with the app.', { replace: true });
  }
}
