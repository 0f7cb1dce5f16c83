import { hostileText } from './hostile-text.js';
import type { Rng } from './random.js';

/**
 * `/interaction …` texts (Slack) and bot messages (Teams) from the shared grammar
 * (src/core/commands): every verb and alias, every filter key, the one-line `log` form with its
 * options, report periods, contact subcommands — with hostile words mixed into each slot, and
 * some fully random lines.
 */
const VERBS = [
  'help',
  '?',
  'log',
  'timeline',
  'list',
  'search',
  'export',
  'report',
  'followups',
  'follow-ups',
  'followup',
  'contact',
  'contacts',
  'settings',
  'LOG',
  'Timeline',
  'unknownverb',
];
const FILTER_KEYS = [
  'type',
  'action',
  'by',
  'contact',
  'address',
  'org',
  'from',
  'to',
  'followup',
  'sort',
  'has',
];
const FILTER_VALUES = [
  'Call',
  'Call,Visit',
  'me',
  '@alice',
  '<@U0ALICE01>',
  '"To call back"',
  '2026-11-01',
  '"last monday"',
  'yesterday',
  'open',
  'overdue',
  'done',
  'none',
  'date',
  'type',
  'files',
  '0001-01-01',
  '9999-12-31',
  '2026-13-45',
];
const CONTACTS = ['Cohen', 'Yael Cohen', 'dan@acme.test', '"Anna K"', 'Lévy', 'Nobody Here', 'ross, cohen'];
const TYPES = ['Call', 'Visit', 'Meeting', 'Note', 'Email', 'call', 'Unknowntype'];
const DATES = [
  'yesterday 10:30',
  'next monday 9:00',
  'tomorrow',
  '0001-01-01',
  '9999-12-31 23:59',
  'in 300 years',
  'banana',
];
const REPORT_PERIODS = [
  '',
  'last week',
  'this week',
  '2026-11-01..2026-11-15',
  '2026-11-15..2026-11-01',
  '2026-02-30..2026-03-01',
  'forever',
];

function slot(rng: Rng, values: readonly string[]): string {
  return rng.chance(0.2) ? hostileText(rng) : rng.pick(values);
}

function quoted(rng: Rng, text: string): string {
  // An unbalanced quote now and then: the tokenizer must refuse it, not crash.
  return rng.chance(0.1) ? `"${text}` : `"${text.replaceAll('"', '')}"`;
}

function logLine(rng: Rng): string {
  const parts = ['log', slot(rng, CONTACTS)];
  if (rng.chance(0.8)) parts.push(slot(rng, TYPES));
  if (rng.chance(0.8)) parts.push(quoted(rng, rng.chance(0.5) ? 'Discussed the class' : hostileText(rng)));
  if (rng.chance(0.4)) parts.push(`at:${quoted(rng, slot(rng, DATES))}`);
  if (rng.chance(0.3)) parts.push(`follow-up:${quoted(rng, slot(rng, DATES))}`);
  if (rng.chance(0.3)) parts.push(`actions:${quoted(rng, slot(rng, ['To call back', 'Sent offer']))}`);
  if (rng.chance(0.2)) parts.push('important');
  return parts.join(' ');
}

function filters(rng: Rng): string {
  return Array.from({ length: rng.int(0, 4) }, () =>
    rng.chance(0.15) ? hostileText(rng) : `${rng.pick(FILTER_KEYS)}:${slot(rng, FILTER_VALUES)}`,
  ).join(' ');
}

export function commandText(rng: Rng): string {
  switch (rng.int(0, 11)) {
    case 0:
      return hostileText(rng);
    case 1:
    case 2:
      return logLine(rng);
    case 3:
      return `log ${rng.some(CONTACTS, 3).join(', ')}`;
    case 4:
      return `timeline ${slot(rng, CONTACTS)}`;
    case 5:
    case 6:
      return `${rng.pick(['list', 'search', 'export'])} ${filters(rng)}`.trim();
    case 7:
      return `report ${slot(rng, REPORT_PERIODS)}`.trim();
    case 8:
      return `${rng.pick(['contact', 'contacts'])} ${rng.pick(['add', 'new', 'find', 'search', 'import', '', 'drop'])} ${rng.chance(0.5) ? hostileText(rng) : ''}`.trim();
    case 9:
      return rng.pick(VERBS);
    default:
      return `${rng.pick(VERBS)} ${hostileText(rng)}`;
  }
}
