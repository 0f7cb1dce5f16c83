import { followUpsMessage } from '../support/follow-ups-message.js';
import type { CommandContext } from './command-context.js';

/** `/interaction followups`: my open follow-ups, overdue first, with Done / Snooze. */
export async function followUpsCommand(ctx: CommandContext): Promise<void> {
  await ctx.reply(await followUpsMessage(ctx.tenant, ctx.deps));
}
