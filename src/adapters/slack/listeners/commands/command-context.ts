import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Tenant } from '../../middleware/tenant.js';
import type { SlackDeps } from '../deps.js';
import type { Reply } from '../support/reply.js';

/** What every `/interaction` subcommand gets, once the command is acked and its tenant known. */
export interface CommandContext {
  tenant: Tenant;
  deps: SlackDeps;
  client: WebClient;
  command: SlashCommand;
  respond: RespondFn;
  /** Ephemeral to the caller, through the command's response_url. */
  reply: Reply;
  /** For work that runs on its own client after the ack (uploads). */
  botToken: string | undefined;
}

/**
 * Claims one post per command invocation. Slack's redelivery of a command carries the same
 * trigger_id, so a retry (X-Slack-Retry-Num) finds the claim taken and posts nothing.
 */
export async function claimOnce(ctx: CommandContext, scope: string): Promise<boolean> {
  const { container } = ctx.deps;
  const claimed = await container.exactlyOnce.claim(ctx.tenant.actor, scope, ctx.command.trigger_id);
  if (!claimed) {
    container.logger.info('Repeated command ignored', { scope, workspaceId: ctx.tenant.workspace.id });
  }
  return claimed;
}

export function requireBotToken(ctx: Pick<CommandContext, 'botToken'>): string {
  if (!ctx.botToken) throw new Error('This request carries no bot token');
  return ctx.botToken;
}
