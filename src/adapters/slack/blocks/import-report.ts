import type { KnownBlock } from '@slack/types';
import type { ImportReport } from '../../../core/contacts/contact-import.js';
import { context, plural, type SlackMessage, section } from './block-kit.js';
import { escapeAndTruncate, LIMITS } from './limits.js';

/** Problem rows listed one by one; the rest are counted. */
export const PROBLEMS_SHOWN = 20;
const REASON_MAX = 240;
const NAME_MAX = 120;

function fileLabel(fileName: string): string {
  return `*${escapeAndTruncate(fileName || 'the file', NAME_MAX).text}*`;
}

/** Lines grouped into as few sections as fit Slack's 3000 characters per section. */
function sections(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > LIMITS.sectionText - 100) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

/**
 * The per-row outcome of a CSV import (F11): counts of created/updated/skipped, then the first
 * problem rows with their reason ("line 7: invalid email 'bob@'"), then how many more there are.
 */
export function importReportMessage(fileName: string, report: ImportReport): SlackMessage {
  const rows = report.created + report.updated + report.skipped;
  if (rows === 0) {
    const text = `:information_source: ${fileLabel(fileName)} has a header line but no contact rows; nothing was imported.`;
    return { text, blocks: [section(text)] };
  }
  const unchanged = report.results.filter(
    (row) => row.status === 'updated' && row.reason === 'no changes',
  ).length;
  const updated =
    unchanged > 0 ? `${report.updated} updated (${unchanged} without changes)` : `${report.updated} updated`;
  const icon = report.skipped > 0 ? ':warning:' : ':white_check_mark:';
  const summary = `${icon} Import of ${fileLabel(fileName)} done: ${report.created} created, ${updated}, ${report.skipped} skipped.`;
  const blocks: KnownBlock[] = [section(summary)];
  const problems = report.results.filter((row) => row.status === 'skipped');
  if (problems.length > 0) {
    blocks.push(section(`*${plural(problems.length, 'row')} skipped:*`));
    const lines = problems
      .slice(0, PROBLEMS_SHOWN)
      .map((row) => `• ${escapeAndTruncate(row.reason ?? `line ${row.line}: skipped`, REASON_MAX).text}`);
    blocks.push(...sections(lines));
    if (problems.length > PROBLEMS_SHOWN) {
      blocks.push(context([`…and ${plural(problems.length - PROBLEMS_SHOWN, 'more skipped row')}.`]));
    }
    blocks.push(
      context([
        'Fix these rows and import the file again: rows already imported are updated, not duplicated.',
      ]),
    );
  }
  return { text: summary, blocks };
}

/** The file could not be read (or fetched): nothing was imported, and why. */
export function importFailedMessage(fileName: string, reason: string): SlackMessage {
  const text = `:x: ${fileLabel(fileName)} was not imported: ${escapeAndTruncate(reason, 2000).text}`;
  return { text, blocks: [section(text)] };
}
