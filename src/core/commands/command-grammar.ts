import { keywordIn } from '../shared/text.js';
import { CommandSyntaxError } from './command-syntax-error.js';
import { type CommandToken, plainText, tokenize } from './command-tokenizer.js';
import { type FilterSpec, isEmptyFilterSpec, isIsoDay, parseFilterTokens } from './filter-spec.js';
import {
  LOG_LINE_EXAMPLE,
  LOG_LINE_SYNTAX,
  type LogGrammarContext,
  type LogLineSpec,
  parseLogRequest,
} from './log-line-grammar.js';

export { CommandSyntaxError } from './command-syntax-error.js';
export {
  type FilterConversionContext,
  type NaturalDateParser,
  resolveDay,
  toInteractionFilter,
} from './filter-conversion.js';
export { type DateBound, type FilterSpec, isEmptyFilterSpec, type NamedRef } from './filter-spec.js';
export { LOG_LINE_SYNTAX, type LogLineSpec } from './log-line-grammar.js';

export type ReportPeriod =
  | { kind: 'lastWeek' }
  | { kind: 'thisWeek' }
  /** Both days included, YYYY-MM-DD, already checked to be real days with from ≤ to. */
  | { kind: 'range'; from: string; to: string };

export type ContactSubcommand = 'add' | 'find' | 'import';

/** What `/interaction <text>` (or the Teams bot command) asks for. Platform-neutral. */
export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'log'; contactQueries: string[] }
  /** `log Cohen Call "Discussed the class"`: everything needed to log without a form. */
  | { kind: 'logLine'; line: LogLineSpec }
  | { kind: 'timeline'; contactQuery: string }
  | { kind: 'list' | 'export'; filter: FilterSpec; hasFilters: boolean }
  | { kind: 'report'; period: ReportPeriod }
  | { kind: 'followups' }
  | { kind: 'contact'; sub: ContactSubcommand; text?: string }
  | { kind: 'settings' };

export type CommandKind = ParsedCommand['kind'];

/** A hint is the syntax alone: every renderer puts its own "Try:" in front. */
const VERB_HINT = 'log, timeline, list, export, report, followups, contact, settings or help';

// `logLine` is no verb: it is `log` with a description.
const VERBS: Record<string, Exclude<CommandKind, 'logLine'>> = {
  help: 'help',
  '?': 'help',
  log: 'log',
  timeline: 'timeline',
  list: 'list',
  search: 'list',
  export: 'export',
  report: 'report',
  followups: 'followups',
  'follow-ups': 'followups',
  followup: 'followups',
  contact: 'contact',
  contacts: 'contact',
  settings: 'settings',
};

function joinPlain(tokens: readonly CommandToken[]): string {
  return tokens
    .map((token) => plainText(token.text))
    .join(' ')
    .trim();
}

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/**
 * `log Yossi Lévy, dan@acme.com "Anna K"` → ['Yossi Lévy', 'dan@acme.com', 'Anna K']: commas
 * and quotes separate contacts, an email stands alone, other adjacent words form one name.
 */
function contactQueries(tokens: readonly CommandToken[]): string[] {
  const queries: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) queries.push(current.join(' '));
    current = [];
  };
  for (const token of tokens) {
    if (token.quoted) {
      flush();
      const phrase = plainText(token.text).trim();
      if (phrase) queries.push(phrase);
      continue;
    }
    const parts = plainText(token.text).split(',');
    parts.forEach((part, index) => {
      const word = part.trim();
      if (EMAIL.test(word)) {
        flush();
        queries.push(word);
      } else if (word) {
        current.push(word);
      }
      if (index < parts.length - 1) flush();
    });
  }
  flush();
  return queries;
}

function parseReport(tokens: readonly CommandToken[]): ReportPeriod {
  const text = joinPlain(tokens).toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || text === 'last week' || text === 'lastweek') return { kind: 'lastWeek' };
  if (text === 'this week' || text === 'thisweek') return { kind: 'thisWeek' };
  const range = /^(\d{4}-\d{2}-\d{2}) ?\.\. ?(\d{4}-\d{2}-\d{2})$/.exec(text);
  const hint = 'report last week | report this week | report 2026-11-01..2026-11-15';
  const raw = tokens.map((token) => token.raw).join(' ');
  if (!range) throw new CommandSyntaxError(raw, 'That is not a report period.', hint);
  const [, from = '', to = ''] = range;
  const bad = [from, to].find((day) => !isIsoDay(day));
  if (bad !== undefined) throw new CommandSyntaxError(bad, `${bad} is not a date.`, hint);
  if (from > to) throw new CommandSyntaxError(raw, 'The period ends before it starts.', hint);
  return { kind: 'range', from, to };
}

function parseContact(tokens: readonly CommandToken[]): ParsedCommand {
  const hint = 'contact add [name or email] | contact find <text> | contact import';
  const [first, ...rest] = tokens;
  const sub = first === undefined ? undefined : plainText(first.text).toLowerCase();
  const text = joinPlain(rest);
  switch (sub) {
    case 'add':
    case 'new':
      return text ? { kind: 'contact', sub: 'add', text } : { kind: 'contact', sub: 'add' };
    case 'find':
    case 'search':
      if (!text) throw new CommandSyntaxError(first?.raw ?? '', 'What should I look for?', hint);
      return { kind: 'contact', sub: 'find', text };
    case 'import':
      return { kind: 'contact', sub: 'import' };
    case undefined:
      // The token shown is "contact" itself, so the reason must not start with it again.
      throw new CommandSyntaxError('contact', 'What should I do with contacts: add, find or import?', hint);
    default:
      throw new CommandSyntaxError(first?.raw ?? '', `contact ${sub} is not something I can do.`, hint);
  }
}

/** What the grammar may know of the workspace: plain data, so parsing stays pure. */
export type GrammarContext = LogGrammarContext;

const LOG_VERB = /^\s*log(?:\s|$)/i;

/** Empty quotes matter only to `log` (an empty description); elsewhere they are dropped as before. */
function tokensOf(text: string) {
  try {
    const tokens = tokenize(text, { keepEmptyQuotes: true });
    const isLog = tokens[0] !== undefined && !tokens[0].quoted && tokens[0].text.toLowerCase() === 'log';
    return isLog ? tokens : tokens.filter((token) => !(token.quoted && token.text.length === 0));
  } catch (error) {
    // An unclosed quote after `log` is a one-line log's description, not a filter.
    if (error instanceof CommandSyntaxError && LOG_VERB.test(text)) {
      throw new CommandSyntaxError(error.token, error.reason, LOG_LINE_EXAMPLE, LOG_LINE_SYNTAX);
    }
    throw error;
  }
}

/**
 * Parses the text after the command name. Pure and synchronous: anything needing the
 * workspace (names, natural-language dates) is left in the result for toInteractionFilter.
 * Throws CommandSyntaxError naming the offending token.
 */
export function parseCommand(text: string, context: GrammarContext = {}): ParsedCommand {
  const tokens = tokensOf(text);
  const [verbToken, ...rest] = tokens;
  if (verbToken === undefined) return { kind: 'help' };
  const kind = verbToken.quoted ? undefined : keywordIn(VERBS, plainText(verbToken.text).toLowerCase());
  if (kind === undefined) {
    throw new CommandSyntaxError(verbToken.raw, `I don't know "${plainText(verbToken.text)}".`, VERB_HINT);
  }
  switch (kind) {
    case 'help':
    case 'followups':
    case 'settings':
      return { kind };
    case 'log': {
      const request = parseLogRequest(rest, verbToken, context);
      if (request.kind === 'names') return { kind, contactQueries: contactQueries(request.tokens) };
      return {
        kind: 'logLine',
        line: { ...request.spec, contacts: contactQueries(request.contactTokens) },
      };
    }
    case 'timeline': {
      const contactQuery = joinPlain(rest);
      if (!contactQuery) {
        throw new CommandSyntaxError(verbToken.raw, 'Whose timeline?', 'timeline "Yossi Lévy"');
      }
      return { kind, contactQuery };
    }
    case 'list':
    case 'export': {
      const filter = parseFilterTokens(rest);
      return { kind, filter, hasFilters: !isEmptyFilterSpec(filter) };
    }
    case 'report':
      return { kind, period: parseReport(rest) };
    case 'contact':
      return parseContact(rest);
  }
}
