import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { InteractionFilter } from '../interactions/interaction-filter.js';
import { CommandSyntaxError } from './command-syntax-error.js';
import { type DateBound, FILTER_HINTS, type FilterSpec, isoDayParts } from './filter-spec.js';

/**
 * Natural-language date reading ("last monday"), injected because the library that does it
 * (chrono-node) may not be imported by the core. Returns any instant on the meant day, or null.
 */
export type NaturalDateParser = (text: string, reference: { now: Date; timeZone: string }) => Date | null;

export interface FilterConversionContext {
  now: Date;
  /** The workspace timezone: `from:2026-11-01` means midnight there, not in UTC. */
  timeZone: string;
  /** The caller, for `by:me`. */
  currentUserId: string;
  parseDate: NaturalDateParser;
  /** Turns `by:@ann` into a user id; undefined when nobody matches. */
  resolveAuthor?: (name: string) => Promise<string | undefined>;
  /** Turns `org:"Acme"` into an organisation id; undefined when none matches. */
  resolveOrganisation?: (name: string) => Promise<string | undefined>;
}

/** Midnight in `timeZone` of the day `bound` names, or of the day after it for an end bound. */
export function resolveDay(
  bound: DateBound,
  edge: 'start' | 'end',
  context: Pick<FilterConversionContext, 'now' | 'timeZone' | 'parseDate'>,
): Date {
  const { timeZone } = context;
  let day: TZDate;
  const parts = isoDayParts(bound.text);
  if (parts) {
    day = new TZDate(parts.year, parts.month - 1, parts.day, timeZone);
  } else {
    const parsed = context.parseDate(bound.text, { now: context.now, timeZone });
    if (parsed === null || Number.isNaN(parsed.getTime())) {
      const key = edge === 'start' ? 'from' : 'to';
      throw new CommandSyntaxError(
        bound.token,
        `"${bound.text}" is not a date I understand.`,
        FILTER_HINTS[key],
      );
    }
    // Only the calendar day counts; it is read in the workspace zone, whatever time came back.
    day = startOfDay(new TZDate(parsed.getTime(), timeZone));
  }
  const boundary = edge === 'start' ? day : addDays(day, 1);
  // A plain Date, so no TZDate leaks into queries or equality checks downstream.
  return new Date(boundary.getTime());
}

/**
 * Resolves a FilterSpec into the core filter: dates become [from, to) instants in the
 * workspace timezone (`to:` includes its whole day), names become ids. Throws
 * CommandSyntaxError naming the token that could not be resolved.
 */
export async function toInteractionFilter(
  spec: FilterSpec,
  context: FilterConversionContext,
): Promise<InteractionFilter> {
  const filter: InteractionFilter = {};
  if (spec.from) filter.from = resolveDay(spec.from, 'start', context);
  if (spec.to) filter.to = resolveDay(spec.to, 'end', context);
  if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
    throw new CommandSyntaxError(
      spec.to?.token ?? '',
      'to: is before from:, so nothing can match.',
      'from:2026-11-01 to:2026-11-15',
    );
  }
  if (spec.types.length > 0) filter.types = [...new Set(spec.types)];
  if (spec.actions.length > 0) filter.actions = [...new Set(spec.actions)];

  const authorIds = new Set(spec.authorIds);
  if (spec.byMe) authorIds.add(context.currentUserId);
  for (const ref of spec.authorNames) {
    const id = await context.resolveAuthor?.(ref.name);
    if (id === undefined) {
      throw new CommandSyntaxError(ref.token, `I can't find anyone called "${ref.name}".`, FILTER_HINTS.by);
    }
    authorIds.add(id);
  }
  if (authorIds.size > 0) filter.authorIds = [...authorIds];

  if (spec.contactText !== undefined) filter.contactText = spec.contactText;
  if (spec.addressText !== undefined) filter.addressText = spec.addressText;
  if (spec.organisation) {
    const id = await context.resolveOrganisation?.(spec.organisation.name);
    if (id === undefined) {
      throw new CommandSyntaxError(
        spec.organisation.token,
        `I can't find an organisation called "${spec.organisation.name}".`,
        FILTER_HINTS.org,
      );
    }
    filter.organisationId = id;
  }
  if (spec.importantOnly) filter.importantOnly = true;
  if (spec.hasAttachments) filter.hasAttachments = true;
  if (spec.followUp !== undefined) filter.followUp = spec.followUp;
  if (spec.words.length > 0) filter.text = spec.words.join(' ');
  return filter;
}
