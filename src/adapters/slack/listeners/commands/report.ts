import type { ReportPeriod } from '../../../../core/commands/command-grammar.js';
import { runReport } from '../support/report-runner.js';
import { type CommandContext, claimOnce } from './command-context.js';

/** `/interaction report [last week | this week | from..to]` (F14): the report posted now, here. */
export async function reportCommand(ctx: CommandContext, period: ReportPeriod): Promise<void> {
  if (!(await claimOnce(ctx, 'report'))) return;
  await runReport({
    tenant: ctx.tenant,
    deps: ctx.deps,
    client: ctx.client,
    period,
    channelId: ctx.command.channel_id,
    reply: ctx.reply,
  });
}
