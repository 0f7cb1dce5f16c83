import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import type { ReportData } from '../../../core/reports/report.js';
import {
  type Change,
  presentReportSections,
  type ReportSection,
} from '../../../core/views/report-sections.js';
import { userText } from '../limits.js';
import { adaptiveCard, facts, openUrl, subtle, text } from './card-kit.js';

const count = (value: number) => value.toLocaleString('en-US');

function changeText(change: Change): string {
  if (change.direction === 'same') return '=';
  return `${change.direction === 'up' ? '▲' : '▼'} ${count(change.amount)}`;
}

function sectionElements(section: ReportSection): CardElement[] {
  const rows = section.rows.map((row) => {
    const change = row.change ? ` (${changeText(row.change)})` : '';
    const who = row.detail
      ? `: ${row.detail.names.map((c) => `${userText(c.name, 60)} (${count(c.count)})`).join(', ')}${row.detail.more > 0 ? ` +${row.detail.more}` : ''}`
      : '';
    return `- ${userText(row.label, 60)} — ${count(row.count)}${change}${who}`;
  });
  const more =
    section.more > 0
      ? [`_…and ${count(section.more)}${section.capped ? '+' : ''} more (all of them in the CSV)_`]
      : [];
  return [
    text(section.title, { weight: 'Bolder', spacing: 'Medium' }),
    text(rows.length > 0 ? [...rows, ...more].join('\n') : '_None this period._'),
  ];
}

export interface ReportCardOptions {
  late: boolean;
  onDemand: boolean;
  /** The period's CSV (same columns as the export), as a signed download link. */
  csvUrl?: string;
}

/** F14 report card: period, totals against the previous period, top-N lists, and the CSV link. */
export function reportCard(report: ReportData, options: ReportCardOptions): IAdaptiveCard {
  const { totals, sections } = presentReportSections(report);
  const kind = options.onDemand ? 'Activity report' : 'Weekly report';
  const body: CardElement[] = [
    text(`${kind} · ${userText(report.period.label, 80)}`, { size: 'Large', weight: 'Bolder' }),
    ...(options.late ? [subtle('⌛ Posted late: the bot was offline when this report was due.')] : []),
    subtle(`Compared with ${userText(report.previous.period.label, 80)}`),
    facts(
      totals.map((line) => ({
        title: line.title,
        value: `${count(line.current)} (${changeText(line.change)} vs ${count(line.previous)})`,
      })),
    ),
    ...sections.flatMap(sectionElements),
  ];
  return adaptiveCard(body, options.csvUrl ? [openUrl('Download CSV', options.csvUrl)] : []);
}
