import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { dispatchCommand } from '../../../../core/commands/command-dispatch.js';
import { commandErrorBlocks } from '../../blocks/help-blocks.js';
import { tenantOf } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import { afterAck } from '../support/after-ack.js';
import { replyWith } from '../support/reply.js';
import type { CommandContext } from './command-context.js';
import { contactCommand } from './contact.js';
import { exportCommand } from './export.js';
import { followUpsCommand } from './followups.js';
import { helpCommand } from './help.js';
import { listCommand } from './list.js';
import { logCommand } from './log.js';
import { logLineCommand } from './log-line.js';
import { reportCommand } from './report.js';
import { settingsCommand } from './settings.js';
import { timelineCommand } from './timeline.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/interaction <subcommand>`: acked at once (an empty ack shows nothing), then routed once
 * the requests waiting behind it have been acked too (afterAck). A
 * command the grammar cannot read, or a filter naming something unknown, gets an ephemeral
 * reply naming the bad part and the syntax; any other domain error (a viewer exporting is
 * fine, a viewer logging is not) reaches the global error handler, which tells the user.
 */
export async function onInteractionCommand(
  { ack, command, client, respond, context }: CommandArgs,
  deps: SlackDeps,
): Promise<void> {
  await ack();
  await afterAck();
  const reply = replyWith(respond);
  const ctx: CommandContext = {
    tenant: tenantOf(context),
    deps,
    client,
    command,
    respond,
    reply,
    botToken: typeof context.botToken === 'string' ? context.botToken : undefined,
  };
  await dispatchCommand<void>(
    command.text,
    {
      help: () => helpCommand(ctx),
      log: (contactQueries) => logCommand(ctx, contactQueries),
      logLine: (line) => logLineCommand(ctx, line),
      timeline: (contactQuery) => timelineCommand(ctx, contactQuery),
      list: (filter, hasFilters) => listCommand(ctx, filter, hasFilters),
      export: (filter, hasFilters) => exportCommand(ctx, filter, hasFilters),
      report: (period) => reportCommand(ctx, period),
      followups: () => followUpsCommand(ctx),
      contact: (sub, text) => contactCommand(ctx, sub, text),
      settings: () => settingsCommand(ctx),
      syntaxError: (error) => reply(commandErrorBlocks(error, command.command)),
    },
    { interactionTypes: ctx.tenant.workspace.settings.interactionTypes },
  );
}
