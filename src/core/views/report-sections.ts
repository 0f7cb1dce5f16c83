import type { AuthorCount, ContactCount, CountRow, ReportData } from '../reports/report.js';
import { REPORT_LIMITS } from '../reports/report.js';

/** Rows shown per list; the rest is counted ("and 12 more") and is in the attached CSV. */
export const REPORT_TOP_N = 10;
const CONTACTS_PER_AUTHOR = 3;

export interface Change {
  direction: 'up' | 'down' | 'same';
  amount: number;
}

export function changeOf(current: number, previous: number): Change {
  if (current === previous) return { direction: 'same', amount: 0 };
  return current > previous
    ? { direction: 'up', amount: current - previous }
    : { direction: 'down', amount: previous - current };
}

export interface ReportTotalLine {
  title: string;
  current: number;
  previous: number;
  change: Change;
}

export interface ReportRow {
  label: string;
  count: number;
  /** Against the previous period; absent for lists where it means nothing (most contacted). */
  change?: Change;
  /** "Who met whom": the contacts an author saw most, with counts. */
  detail?: { names: { name: string; count: number }[]; more: number };
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
  /** Rows left out of the message (they are in the CSV). */
  more: number;
  /** The report itself cut the list at its limit, so "more" is a lower bound ("12+"). */
  capped: boolean;
}

function section<T>(title: string, all: T[], limit: number, toRow: (item: T) => ReportRow): ReportSection {
  const rows = all.slice(0, REPORT_TOP_N).map(toRow);
  return { title, rows, more: all.length - rows.length, capped: all.length >= limit };
}

function counts(title: string, rows: CountRow[], previous: CountRow[], limit: number): ReportSection {
  const before = new Map(previous.map((row) => [row.key, row.count]));
  return section(title, rows, limit, (row) => ({
    label: row.key,
    count: row.count,
    change: changeOf(row.count, before.get(row.key) ?? 0),
  }));
}

function authors(rows: AuthorCount[], previous: AuthorCount[]): ReportSection {
  const before = new Map(previous.map((author) => [author.authorId, author.count]));
  return section('Who met whom', rows, REPORT_LIMITS.authors, (author) => {
    const names = author.contacts
      .slice(0, CONTACTS_PER_AUTHOR)
      .map((c) => ({ name: c.name, count: c.count }));
    return {
      label: author.name,
      count: author.count,
      change: changeOf(author.count, before.get(author.authorId) ?? 0),
      ...(names.length > 0 ? { detail: { names, more: author.contacts.length - names.length } } : {}),
    };
  });
}

function mostContacted(rows: ContactCount[]): ReportSection {
  return section('Most contacted', rows, REPORT_LIMITS.mostContacted, (c) => ({
    label: c.name,
    count: c.count,
  }));
}

/**
 * F14 as any surface lays it out: the four totals against the previous period, then the
 * top-N lists by type, action, author and contact, each saying how much was left out.
 */
export function presentReportSections(report: ReportData): {
  totals: ReportTotalLine[];
  sections: ReportSection[];
} {
  const now = report.totals;
  const before = report.previous.totals;
  const line = (title: string, current: number, previous: number): ReportTotalLine => ({
    title,
    current,
    previous,
    change: changeOf(current, previous),
  });
  return {
    totals: [
      line('Interactions', now.interactions, before.interactions),
      line('New contacts', now.newContacts, before.newContacts),
      line('Follow-ups done', now.followUpsDone, before.followUpsDone),
      line('Follow-ups overdue', now.followUpsOverdue, before.followUpsOverdue),
    ],
    sections: [
      counts('By type', now.byType, before.byType, REPORT_LIMITS.types),
      counts('By action', now.byAction, before.byAction, REPORT_LIMITS.actions),
      authors(now.byAuthor, before.byAuthor),
      mostContacted(now.mostContacted),
    ],
  };
}
