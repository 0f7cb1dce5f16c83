import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import {
  CommandSyntaxError,
  type ParsedCommand,
  parseCommand,
} from '../../../../core/commands/command-grammar.js';
import { assertNever } from '../../blocks/limits.js';
import { SlashCommand } from '../../ids.js';
import { tenantOf } from '../../middleware/tenant.js';
import { replyWith } from '../../results/reply.js';
import { commandErrorBlocks } from '../../views/help-blocks.js';
import type { SlackDeps } from '../deps.js';
import type { CommandContext } from './handlers/command-context.js';
import { contactCommand } from './handlers/contact.js';
import { exportCommand } from './handlers/export.js';
import { followUpsCommand } from './handlers/followups.js';
import { helpCommand } from './handlers/help.js';
import { listCommand } from './handlers/list.js';
import { logCommand } from './handlers/log.js';
import { reportCommand } from './handlers/report.js';
import { settingsCommand } from './handlers/settings.js';
import { timelineCommand } from './handlers/timeline.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

function route(ctx: CommandContext, parsed: ParsedCommand): Promise<void> {
  switch (parsed.kind) {
    case 'help':
      return helpCommand(ctx);
    case 'log':
      return logCommand(ctx, parsed.contactQueries);
    case 'timeline':
      return timelineCommand(ctx, parsed.contactQuery);
    case 'list':
      return listCommand(ctx, parsed.filter, parsed.hasFilters);
    case 'export':
      return exportCommand(ctx, parsed.filter, parsed.hasFilters);
    case 'report':
      return reportCommand(ctx, parsed.period);
    case 'followups':
      return followUpsCommand(ctx);
    case 'contact':
      return contactCommand(ctx, parsed.sub, parsed.text);
    case 'settings':
      return settingsCommand(ctx);
    default:
      return assertNever(parsed);
  }
}

/**
 * `/interaction <subcommand>`: acked at once (an empty ack shows nothing), then routed. A
 * command the grammar cannot read, or a filter naming something unknown, gets an ephemeral
 * reply naming the bad part and the syntax; any other domain error (a viewer exporting is
 * fine, a viewer logging is not) reaches the global error handler, which tells the user.
 */
export function registerInteractionCommand(app: App, deps: SlackDeps): void {
  app.command(SlashCommand.interaction, async ({ ack, command, client, respond, context }: CommandArgs) => {
    await ack();
    const reply = replyWith(respond);
    try {
      const parsed = parseCommand(command.text);
      const ctx: CommandContext = {
        tenant: tenantOf(context),
        deps,
        client,
        command,
        respond,
        reply,
        botToken: typeof context.botToken === 'string' ? context.botToken : undefined,
      };
      await route(ctx, parsed);
    } catch (error) {
      if (!(error instanceof CommandSyntaxError)) throw error;
      await reply(commandErrorBlocks(error, command.command));
    }
  });
}
