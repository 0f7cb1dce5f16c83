import type { Actor } from '../shared/actor.js';
import type { Page } from '../shared/paging.js';
import { parseInput } from '../shared/zod.js';
import type { InteractionServiceDeps } from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import { interactionFilterSchema, listInteractionsSchema } from './interaction.schemas.js';
import type { InteractionFilter } from './interaction-filter.js';
import { readPage } from './read-page.js';

/**
 * Parses user filters (for the export and the report too): dates, lists, and free text that the
 * repository folds and escapes before any regex. Empty lists and blank text mean "no filter".
 */
export function parseInteractionFilter(input: unknown): InteractionFilter {
  const parsed = parseInput(interactionFilterSchema, input ?? {});
  const filter: InteractionFilter = {};
  if (parsed.from) filter.from = parsed.from;
  if (parsed.to) filter.to = parsed.to;
  if (parsed.types?.length) filter.types = parsed.types;
  if (parsed.actions?.length) filter.actions = parsed.actions;
  if (parsed.authorIds?.length) filter.authorIds = parsed.authorIds;
  if (parsed.contactIds?.length) filter.contactIds = parsed.contactIds;
  if (parsed.contactText) filter.contactText = parsed.contactText;
  if (parsed.addressText) filter.addressText = parsed.addressText;
  if (parsed.organisationId) filter.organisationId = parsed.organisationId;
  if (parsed.importantOnly) filter.importantOnly = true;
  if (parsed.hasAttachments !== undefined) filter.hasAttachments = parsed.hasAttachments;
  if (parsed.followUp) filter.followUp = parsed.followUp;
  if (parsed.text) filter.text = parsed.text;
  return filter;
}

/** F10: the workspace-wide list, filtered, sorted by date or type, paged with the total. */
export async function listInteractions(
  deps: InteractionServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<Page<Interaction>> {
  const data = parseInput(listInteractionsSchema, input);
  return readPage(deps, actor, {
    filter: parseInteractionFilter(data.filter),
    sort: data.sort,
    limit: data.limit,
    cursor: data.cursor,
    direction: data.direction,
  });
}
