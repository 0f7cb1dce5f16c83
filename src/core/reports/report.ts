import type { Period } from './period.js';

/** F14: what a weekly (or on-demand) activity report says about one period. */
export interface CountRow {
  key: string;
  count: number;
}

export interface ContactCount {
  contactId: string;
  /** Current display name; "(deleted contact)" when the contact no longer exists. */
  name: string;
  count: number;
}

/** "Who visited whom": an author's interaction count and the contacts they saw most. */
export interface AuthorCount {
  authorId: string;
  name: string;
  count: number;
  contacts: ContactCount[];
}

export interface ReportTotals {
  interactions: number;
  byType: CountRow[];
  byAction: CountRow[];
  byAuthor: AuthorCount[];
  mostContacted: ContactCount[];
  newContacts: number;
  /** Follow-ups marked done during the period. */
  followUpsDone: number;
  /** Follow-ups still open whose time had passed at the end of the period (or now, if sooner). */
  followUpsOverdue: number;
}

export interface ReportData {
  workspaceId: string;
  period: Period;
  totals: ReportTotals;
  /** The period of equal length just before, for comparison. */
  previous: { period: Period; totals: ReportTotals };
}

/** Bounds on every list, so a report stays small whatever the workspace size. */
export const REPORT_LIMITS = {
  types: 50,
  actions: 50,
  authors: 20,
  contactsPerAuthor: 5,
  mostContacted: 10,
} as const;

export const DELETED_CONTACT_NAME = '(deleted contact)';
