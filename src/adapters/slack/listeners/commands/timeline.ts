import { findTimelineSubject } from '../../../../core/queries/timeline-subject.js';
import { escapeAndTruncate } from '../../blocks/limits.js';
import { pickerMessage } from '../../blocks/timeline-picker.js';
import { timelineMessage } from '../support/timeline-message.js';
import type { CommandContext } from './command-context.js';

/**
 * `/interaction timeline <contact>` (or `org:<name>`): the timeline, ephemeral to the caller,
 * with paging that replaces it in place; several matches get a picker first.
 */
export async function timelineCommand(ctx: CommandContext, query: string): Promise<void> {
  const { tenant, deps } = ctx;
  const match = await findTimelineSubject(tenant, deps, query);
  switch (match.kind) {
    case 'one':
      await ctx.reply(await timelineMessage(tenant, deps, match.ref, {}, match.contact));
      return;
    case 'many':
      await ctx.reply(pickerMessage(query, match.candidates));
      return;
    case 'none': {
      const name = escapeAndTruncate(match.name, 100).text;
      const hint =
        match.what === 'contact'
          ? 'Check the spelling, try part of the name or the email, or add the contact with `/interaction contact add`.'
          : 'Check the spelling or type part of the name.';
      await ctx.reply(`No ${match.what} matches “${name}”. ${hint}`);
      return;
    }
  }
}
