import { contactLabel } from '../../../modals/contact-choice.js';
import { openLogForm } from '../../../modals/log-form.js';
import { uniqueMatch } from '../../../results/timeline-message.js';
import type { CommandContext } from './command-context.js';

/** Names typed after `log` that are looked up; the form's picker handles any more. */
const QUERIES_MAX = 10;
/** A few results per name are enough to tell "exactly one" from "ambiguous". */
const MATCHES_PER_QUERY = 5;
/** The search's own maximum; longer text cannot name a contact. */
const QUERY_LENGTH_MAX = 100;

/**
 * `/interaction log [contact…]`: the log form with every contact the text names unambiguously
 * preselected (ambiguous names are left for the form). The trigger_id lives 3 seconds, so the
 * only work before views.open is a handful of small indexed searches, run in parallel.
 */
export async function logCommand(ctx: CommandContext, queries: readonly string[]): Promise<void> {
  const { tenant, deps } = ctx;
  const searched = queries.slice(0, QUERIES_MAX).filter((query) => query.length <= QUERY_LENGTH_MAX);
  const results = await Promise.all(
    searched.map((text) =>
      deps.container.contacts.findContacts(tenant.actor, { text, limit: MATCHES_PER_QUERY }),
    ),
  );
  const seen = new Set<string>();
  const contacts = results.flatMap((found, index) => {
    const match = uniqueMatch(found, searched[index] ?? '');
    if (!match || seen.has(match.id)) return [];
    seen.add(match.id);
    return [{ id: match.id, label: contactLabel(match) }];
  });
  await openLogForm(ctx.client, ctx.command.trigger_id, tenant, deps, {
    contacts,
    channelId: ctx.command.channel_id,
  });
}
