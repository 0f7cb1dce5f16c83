import type { ContactSubcommand } from '../../../../core/commands/command-grammar.js';
import { respondContactSearch } from '../support/find-contacts.js';
import { openContactForm, openContactImport } from '../support/open-contact-forms.js';
import type { CommandContext } from './command-context.js';

/** `/interaction contact add | find <text> | import` (F11): routed to the contact feature. */
export async function contactCommand(
  ctx: CommandContext,
  sub: ContactSubcommand,
  text?: string,
): Promise<void> {
  const { client, command, tenant, deps } = ctx;
  switch (sub) {
    case 'add':
      await openContactForm(client, command.trigger_id, tenant, deps, { channelId: command.channel_id });
      return;
    case 'find':
      await respondContactSearch(ctx.respond, tenant, deps, text ?? '');
      return;
    case 'import':
      await openContactImport(client, command.trigger_id, tenant, deps);
      return;
  }
}
