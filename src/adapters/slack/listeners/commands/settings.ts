import { openSettingsForm } from '../support/open-forms.js';
import type { CommandContext } from './command-context.js';

/** `/interaction settings` (F16): routed to the settings feature; the core refuses non-admins. */
export async function settingsCommand(ctx: CommandContext): Promise<void> {
  await openSettingsForm(ctx.client, ctx.command.trigger_id, ctx.tenant, ctx.deps);
}
