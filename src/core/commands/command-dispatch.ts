import type {
  ContactSubcommand,
  GrammarContext,
  LogLineSpec,
  ParsedCommand,
  ReportPeriod,
} from './command-grammar.js';
import { CommandSyntaxError, parseCommand } from './command-grammar.js';
import type { FilterSpec } from './filter-spec.js';

/**
 * One handler per subcommand of the shared grammar. Each surface (Slack's `/interaction`, the
 * Teams bot command) implements it; dispatch is the same for both, so a new subcommand fails
 * to compile on every surface until each handles it.
 */
export interface CommandHandlers<Result> {
  help(): Promise<Result>;
  log(contactQueries: string[]): Promise<Result>;
  /** A complete one-line log: written through the same use case as the form. */
  logLine(line: LogLineSpec): Promise<Result>;
  timeline(contactQuery: string): Promise<Result>;
  /**
   * `hasFilters` false is a bare `list`: every surface opens the filter form first (the shared
   * help says so), and an empty form lists everything.
   */
  list(filter: FilterSpec, hasFilters: boolean): Promise<Result>;
  export(filter: FilterSpec, hasFilters: boolean): Promise<Result>;
  report(period: ReportPeriod): Promise<Result>;
  followups(): Promise<Result>;
  contact(sub: ContactSubcommand, text: string | undefined): Promise<Result>;
  settings(): Promise<Result>;
  /** The text could not be read (or a filter names something unknown): say which part, and the syntax. */
  syntaxError(error: CommandSyntaxError): Promise<Result>;
}

function route<Result>(parsed: ParsedCommand, handlers: CommandHandlers<Result>): Promise<Result> {
  switch (parsed.kind) {
    case 'help':
      return handlers.help();
    case 'log':
      return handlers.log(parsed.contactQueries);
    case 'logLine':
      return handlers.logLine(parsed.line);
    case 'timeline':
      return handlers.timeline(parsed.contactQuery);
    case 'list':
      return handlers.list(parsed.filter, parsed.hasFilters);
    case 'export':
      return handlers.export(parsed.filter, parsed.hasFilters);
    case 'report':
      return handlers.report(parsed.period);
    case 'followups':
      return handlers.followups();
    case 'contact':
      return handlers.contact(parsed.sub, parsed.text);
    case 'settings':
      return handlers.settings();
  }
}

/**
 * Parses the command text and runs its handler. Syntax errors — from the grammar, or from a
 * handler resolving a filter — go to `syntaxError`; any other error is the caller's to report.
 */
export async function dispatchCommand<Result>(
  text: string,
  handlers: CommandHandlers<Result>,
  context: GrammarContext = {},
): Promise<Result> {
  try {
    return await route(parseCommand(text, context), handlers);
  } catch (error) {
    if (!(error instanceof CommandSyntaxError)) throw error;
    return handlers.syntaxError(error);
  }
}

/** The grammar's period as the report use case reads it. */
export function reportRangeOf(period: ReportPeriod): { range: string } {
  switch (period.kind) {
    case 'lastWeek':
      return { range: 'last week' };
    case 'thisWeek':
      return { range: 'this week' };
    case 'range':
      return { range: `${period.from}..${period.to}` };
  }
}
