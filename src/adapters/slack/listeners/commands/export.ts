import type { FilterSpec } from '../../../../core/commands/command-grammar.js';
import { type ResultQuery, resolveFilterSpec } from '../../../../core/queries/result-query.js';
import { runExport } from '../support/export-runner.js';
import { type CommandContext, claimOnce, requireBotToken } from './command-context.js';

/**
 * `/interaction export [filters]` (F15): a CSV of every matching interaction, shared in this
 * channel. A bad filter is reported before anything is claimed; a redelivered command posts
 * nothing twice.
 */
export async function exportCommand(
  ctx: CommandContext,
  spec: FilterSpec,
  hasFilters: boolean,
): Promise<void> {
  const { tenant, deps, command } = ctx;
  const query: ResultQuery = hasFilters
    ? await resolveFilterSpec(spec, tenant, deps)
    : { filter: {}, sort: 'date' };
  if (!(await claimOnce(ctx, 'export'))) return;
  await runExport({
    tenant,
    deps,
    botToken: requireBotToken(ctx),
    query,
    channelId: command.channel_id,
    destination: 'channel',
    reply: ctx.reply,
  });
}
