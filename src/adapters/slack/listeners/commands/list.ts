import type { FilterSpec } from '../../../../core/commands/command-grammar.js';
import { resolveFilterSpec } from '../../../../core/queries/result-query.js';
import { channelTarget } from '../../blocks/filter-form.js';
import { listMessage } from '../support/list-message.js';
import { openFilterForm } from '../support/open-forms.js';
import type { CommandContext } from './command-context.js';

/**
 * `/interaction list [filters]` (F10): the filtered list, ephemeral. With no filters at all the
 * filter form opens first (views.open straight after the ack), and its submission shows the
 * list through this command's response_url.
 */
export async function listCommand(ctx: CommandContext, spec: FilterSpec, hasFilters: boolean): Promise<void> {
  const { tenant, deps, command } = ctx;
  if (!hasFilters) {
    await openFilterForm(ctx.client, command.trigger_id, tenant, deps, {
      target: { ru: command.response_url, ...channelTarget(command.channel_id) },
    });
    return;
  }
  const query = await resolveFilterSpec(spec, tenant, deps);
  await ctx.reply(await listMessage(tenant, deps, query));
}
