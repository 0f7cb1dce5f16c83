import type { LogLineSpec } from '../../../../core/commands/command-grammar.js';
import { logFromLine } from '../../../../core/commands/log-line.js';
import { personalTime } from '../../../../core/workspaces/personal-time.js';
import { parseNaturalMoment } from '../../../shared/natural-dates.js';
import { loggedMessage } from '../../blocks/log-confirmation.js';
import { publishHome } from '../support/publish-home.js';
import type { CommandContext } from './command-context.js';

/**
 * `/interaction log Cohen Call "Discussed the class"`: the core resolves and logs; the answer is
 * the log form's own confirmation. Keyed by the trigger_id, which Slack's redelivery of a
 * command repeats, so a retry logs nothing more; it is confirmed again ("Already logged", from
 * the stored records), since the process may have died before the first reply went out.
 */
export async function logLineCommand(ctx: CommandContext, line: LogLineSpec): Promise<void> {
  const { tenant, deps } = ctx;
  const outcome = await logFromLine(tenant, deps, line, {
    idempotencyKey: `slack-line:${ctx.command.trigger_id}`,
    parseMoment: parseNaturalMoment,
  });
  await ctx.reply(loggedMessage(outcome.result, personalTime(tenant)));
  if (outcome.kind === 'logged') await publishHome(ctx.client, tenant, deps);
}
