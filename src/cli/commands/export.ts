import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseRange, startOfDayIn } from '../../core/reports/period.js';
import { renderOptionsOf } from '../../core/workspaces/tenant.js';
import { type CliContext, DEFAULT_CLI_WORKSPACE, withCliContext } from '../cli-context.js';
import { type CliIo, count, EXIT, line, UsageError, writeAll } from '../cli-io.js';
import type { CliCommand } from './command.js';

const OPTIONS = {
  workspace: { type: 'string', short: 'w', default: DEFAULT_CLI_WORKSPACE },
  from: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  author: { type: 'string', multiple: true },
  contact: { type: 'string' },
  org: { type: 'string' },
  important: { type: 'boolean' },
  'has-files': { type: 'boolean' },
  followup: { type: 'string' },
  text: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: interaction-log export [--workspace <id>] [filters] [--out <file.csv>]

Writes every interaction matching the filters as CSV (all rows, oldest first), to stdout
or to --out. Dates are shown in the workspace time zone and date format.

Options:
  -w, --workspace <id>   CLI workspace key (default "${DEFAULT_CLI_WORKSPACE}")
      --from <day>       first day included, YYYY-MM-DD (workspace time zone)
      --to <day>         last day included, YYYY-MM-DD
      --type <type>      interaction type; repeat for several (any of)
      --action <action>  action performed; repeat for several (any of)
      --author <userId>  author's user id; repeat for several
      --contact <text>   part of the contact's name (accents and case ignored)
      --org <name>       organisation name (or id)
      --important        only interactions marked high importance
      --has-files        only interactions with attachments
      --followup <s>     open | overdue | done | none
      --text <text>      text in the description (accents and case ignored)
  -o, --out <file>       write to this file instead of stdout
  -h, --help             show this help

Progress goes to stderr every 5,000 rows. Exit codes: 0 done, 1 failed, 2 bad options.`;

const PROGRESS_EVERY = 5_000;

type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
}

function dayStart(flag: string, day: string, timeZone: string): Date {
  const start = startOfDayIn(day, timeZone);
  if (!start) throw new UsageError(`--${flag} must be a day written YYYY-MM-DD, got "${day}".`);
  return start;
}

async function filterFrom(values: Values, context: CliContext): Promise<Record<string, unknown>> {
  const { timeZone } = renderOptionsOf(context.workspace);
  const filter: Record<string, unknown> = {};
  if (values.from) filter.from = dayStart('from', values.from, timeZone);
  if (values.to) {
    dayStart('to', values.to, timeZone);
    filter.to = parseRange(`${values.to}..${values.to}`, timeZone).to;
  }
  if (values.type) filter.types = values.type;
  if (values.action) filter.actions = values.action;
  if (values.author) filter.authorIds = values.author;
  if (values.contact) filter.contactText = values.contact;
  if (values.important) filter.importantOnly = true;
  if (values['has-files']) filter.hasAttachments = true;
  if (values.followup) filter.followUp = values.followup;
  if (values.text) filter.text = values.text;
  if (values.org) {
    const { contacts } = context.container;
    const organisation =
      (await contacts.findOrganisation(context.actor, { name: values.org })) ??
      (await contacts.findOrganisation(context.actor, { id: values.org }));
    if (!organisation) throw new UsageError(`No organisation named "${values.org}" in this workspace.`);
    filter.organisationId = organisation.id;
  }
  return filter;
}

async function runExport(values: Values, context: CliContext): Promise<number> {
  const { io } = context;
  const filter = await filterFrom(values, context);
  const result = await context.container.exports.exportInteractions(context.actor, { filter });
  const target = values.out;
  // A file is written aside and renamed at the end, so a failed export never looks complete.
  const partial = target ? `${target}.partial` : undefined;
  const out = partial ? createWriteStream(partial) : io.stdout;
  let reported = 0;
  try {
    for await (const chunk of result.stream) {
      await writeAll(out, chunk);
      const rows = result.rowCount();
      if (rows - reported >= PROGRESS_EVERY) {
        reported = rows - (rows % PROGRESS_EVERY);
        line(io.stderr, `… ${count(reported)} rows`);
      }
    }
    if (partial && target) {
      out.end();
      await once(out, 'finish');
      await rename(partial, target);
    }
  } catch (error) {
    if (partial) {
      out.destroy();
      await rm(partial, { force: true });
    }
    throw error;
  }
  const rows = await result.done;
  line(
    io.stderr,
    `Exported ${count(rows)} interaction${rows === 1 ? '' : 's'}${target ? ` to ${target}` : ''}.`,
  );
  return EXIT.ok;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export interactions matching filters as CSV',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parse(args);
    if (values.help) {
      line(io.stdout, HELP);
      return EXIT.ok;
    }
    return withCliContext(io, values.workspace, (context) => runExport(values, context));
  },
};
