import type { KnownBlock } from '@slack/types';
import type {
  AuthorCount,
  ContactCount,
  CountRow,
  ReportData,
  ReportTotals,
} from '../../../core/reports/report.js';
import { REPORT_LIMITS } from '../../../core/reports/report.js';
import {
  BlockBudget,
  context,
  header,
  plural,
  type RenderOptions,
  type SlackMessage,
  section,
} from './block-kit.js';
import { escapeAndTruncate, LIMITS } from './limits.js';

/** Rows shown per list; the rest is counted ("and 12 more") and is in the attached CSV. */
export const REPORT_TOP_N = 10;
const NAME_MAX = 60;
const CONTACTS_PER_AUTHOR = 3;

export interface ReportRenderOptions extends RenderOptions {
  /** The scheduled slot passed while the bot was offline: say so. */
  late: boolean;
  /** Asked for with /interaction report rather than posted on schedule. */
  onDemand: boolean;
}

const name = (text: string) => escapeAndTruncate(text, NAME_MAX).text;
const count = (value: number) => value.toLocaleString('en-US');

/** "▲ 3", "▼ 2" or "=" against the previous period. */
export function delta(current: number, previous: number): string {
  if (current === previous) return '=';
  return current > previous ? `▲ ${count(current - previous)}` : `▼ ${count(previous - current)}`;
}

function totalLine(title: string, current: number, previous: number): string {
  return `*${title}:* ${count(current)} (${delta(current, previous)} vs ${count(previous)})`;
}

/** "…and 12 more" — "12+" when the list was already cut at the report's own limit. */
function moreLine(total: number, shown: number, limit: number): string | null {
  if (total <= shown) return null;
  const rest = total - shown;
  return `_…and ${count(rest)}${total >= limit ? '+' : ''} more (all of them in the CSV)_`;
}

function listSection(title: string, lines: string[], total: number, limit: number): KnownBlock {
  const more = moreLine(total, lines.length, limit);
  const body = lines.length > 0 ? lines.join('\n') : '_None this period._';
  return section(`*${title}*\n${body}${more ? `\n${more}` : ''}`);
}

function countRows(rows: CountRow[], previous: CountRow[], limit: number, title: string): KnownBlock {
  const before = new Map(previous.map((row) => [row.key, row.count]));
  const lines = rows
    .slice(0, REPORT_TOP_N)
    .map((row) => `• ${name(row.key)} — ${count(row.count)} (${delta(row.count, before.get(row.key) ?? 0)})`);
  return listSection(title, lines, rows.length, limit);
}

function contactList(contacts: ContactCount[]): string {
  const shown = contacts.slice(0, CONTACTS_PER_AUTHOR).map((c) => `${name(c.name)} (${count(c.count)})`);
  const rest = contacts.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} +${rest}` : shown.join(', ');
}

function authorRows(authors: AuthorCount[], previous: AuthorCount[]): KnownBlock {
  const before = new Map(previous.map((author) => [author.authorId, author.count]));
  const lines = authors.slice(0, REPORT_TOP_N).map((author) => {
    const line = `• ${name(author.name)} — ${count(author.count)} (${delta(author.count, before.get(author.authorId) ?? 0)})`;
    return author.contacts.length > 0 ? `${line}: ${contactList(author.contacts)}` : line;
  });
  return listSection('Who met whom', lines, authors.length, REPORT_LIMITS.authors);
}

function mostContacted(contacts: ContactCount[]): KnownBlock {
  const lines = contacts.slice(0, REPORT_TOP_N).map((c) => `• ${name(c.name)} — ${count(c.count)}`);
  return listSection('Most contacted', lines, contacts.length, REPORT_LIMITS.mostContacted);
}

function summary(current: ReportTotals, previous: ReportTotals): KnownBlock {
  return section(
    [
      totalLine('Interactions', current.interactions, previous.interactions),
      totalLine('New contacts', current.newContacts, previous.newContacts),
      totalLine('Follow-ups done', current.followUpsDone, previous.followUpsDone),
      totalLine('Follow-ups overdue', current.followUpsOverdue, previous.followUpsOverdue),
    ].join('\n'),
  );
}

/**
 * F14 report message: period, totals against the previous period, top-N lists by type,
 * action, author ("who met whom") and contact. Cut between sections to stay inside 50 blocks
 * and the text budget whatever the data; the attached CSV carries everything.
 */
export function reportBlocks(report: ReportData, options: ReportRenderOptions): SlackMessage {
  const { totals } = report;
  const before = report.previous.totals;
  const budget = new BlockBudget(LIMITS.messageBlocks, LIMITS.messageTextBudget);
  const kind = options.onDemand ? 'Activity report' : 'Weekly report';
  budget.add([header(`${kind} · ${report.period.label}`)]);
  const notes = [`Compared with ${escapeAndTruncate(report.previous.period.label, 80).text}`];
  if (options.late) {
    notes.unshift(':hourglass_flowing_sand: *Posted late*: the bot was offline when this report was due.');
  }
  budget.add([context(notes), summary(totals, before), { type: 'divider' }]);

  const footer = context(['The CSV of the period (same columns as the export) is attached.']);
  // Room for the footer and, if a list is cut, the note saying so.
  const reserve = { blocks: 2, text: 300 };
  const sections = [
    countRows(totals.byType, before.byType, REPORT_LIMITS.types, 'By type'),
    countRows(totals.byAction, before.byAction, REPORT_LIMITS.actions, 'By action'),
    authorRows(totals.byAuthor, before.byAuthor),
    mostContacted(totals.mostContacted),
  ];
  for (const block of sections) {
    if (!budget.tryAdd([block], reserve)) {
      budget.add([context(['Some lists did not fit in this message; see the CSV.'])]);
      break;
    }
  }
  budget.add([footer]);
  return {
    text: `${kind} for ${escapeAndTruncate(report.period.label, 80).text}: ${plural(totals.interactions, 'interaction')}`,
    blocks: budget.blocks,
  };
}
