/** The F10 filters, shared by the workspace list, the export and the report. */
export const FOLLOW_UP_FILTERS = ['open', 'overdue', 'done', 'none'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

export interface InteractionFilter {
  from?: Date; // occurredAt >= from
  to?: Date; // occurredAt < to
  types?: string[];
  actions?: string[]; // any of
  authorIds?: string[];
  contactIds?: string[];
  /** Substring of the contact's name, accent- and case-insensitive. */
  contactText?: string;
  organisationId?: string;
  importantOnly?: boolean;
  hasAttachments?: boolean;
  followUp?: FollowUpFilter;
  /** Substring of a Visit's address, accent- and case-insensitive. */
  addressText?: string;
  /** Substring of the description, accent- and case-insensitive. */
  text?: string;
}

export const LIST_SORTS = ['date', 'type'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
