import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { FollowUpFilter, InteractionFilter } from '../interactions/interaction-filter.js';

export type FilterChipKey =
  | 'from'
  | 'to'
  | 'types'
  | 'actions'
  | 'authors'
  | 'contacts'
  | 'contactText'
  | 'address'
  | 'organisation'
  | 'important'
  | 'attachments'
  | 'followUp'
  | 'text';

/** One active filter in words, e.g. { label: 'Type', value: 'Call, Visit' }. */
export interface FilterChip {
  key: FilterChipKey;
  label: string;
  /** Human text, names resolved where the context could; user text is NOT escaped here. */
  value: string;
  /** For 'authors': the ids, so a platform can render real mentions instead of names. */
  userIds?: string[];
}

export interface FilterSummaryContext {
  timeZone: string;
  userName?: (userId: string) => string | undefined;
  contactName?: (contactId: string) => string | undefined;
  organisationName?: (organisationId: string) => string | undefined;
}

const FOLLOW_UP_LABELS: Record<FollowUpFilter, string> = {
  open: 'open',
  overdue: 'overdue',
  done: 'done',
  none: 'none',
};

/** The day a bound falls on, in the workspace timezone, as the command syntax writes it. */
function dayOf(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), 'yyyy-MM-dd');
}

/**
 * Turns a filter into chips in a stable order. `to` is exclusive (start of the next day), so
 * it is shown as the last day included — the same day the user typed in `to:`.
 */
export function summarizeFilter(filter: InteractionFilter, context: FilterSummaryContext): FilterChip[] {
  const chips: FilterChip[] = [];
  const { timeZone } = context;
  if (filter.from) chips.push({ key: 'from', label: 'From', value: dayOf(filter.from, timeZone) });
  if (filter.to) {
    chips.push({ key: 'to', label: 'To', value: dayOf(new Date(filter.to.getTime() - 1), timeZone) });
  }
  if (filter.types?.length) chips.push({ key: 'types', label: 'Type', value: filter.types.join(', ') });
  if (filter.actions?.length) {
    chips.push({ key: 'actions', label: 'Action', value: filter.actions.join(', ') });
  }
  if (filter.authorIds?.length) {
    const names = filter.authorIds.map((id) => context.userName?.(id) ?? id);
    chips.push({ key: 'authors', label: 'By', value: names.join(', '), userIds: [...filter.authorIds] });
  }
  if (filter.contactIds?.length) {
    const names = filter.contactIds.map((id) => context.contactName?.(id) ?? id);
    chips.push({ key: 'contacts', label: 'Contact', value: names.join(', ') });
  }
  if (filter.contactText) chips.push({ key: 'contactText', label: 'Contact', value: filter.contactText });
  if (filter.addressText) chips.push({ key: 'address', label: 'Address', value: filter.addressText });
  if (filter.organisationId) {
    const name = context.organisationName?.(filter.organisationId) ?? filter.organisationId;
    chips.push({ key: 'organisation', label: 'Organisation', value: name });
  }
  if (filter.importantOnly) chips.push({ key: 'important', label: 'Importance', value: 'important only' });
  if (filter.hasAttachments) chips.push({ key: 'attachments', label: 'Files', value: 'with files' });
  if (filter.followUp) {
    chips.push({ key: 'followUp', label: 'Follow-up', value: FOLLOW_UP_LABELS[filter.followUp] });
  }
  if (filter.text) chips.push({ key: 'text', label: 'Text', value: filter.text });
  return chips;
}
