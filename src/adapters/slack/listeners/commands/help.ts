import { helpBlocks } from '../../blocks/help-blocks.js';
import type { CommandContext } from './command-context.js';

/** `/interaction` or `/interaction help`: every command and filter, only for the caller. */
export async function helpCommand(ctx: CommandContext): Promise<void> {
  await ctx.reply(helpBlocks(ctx.command.command));
}
