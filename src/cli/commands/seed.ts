import { parseArgs } from 'node:util';
import { storageOf } from '../../app/container.js';
import type { Contact, Organisation } from '../../core/contacts/contact.js';
import { type CliContext, DEFAULT_CLI_WORKSPACE, withCliContext } from '../cli-context.js';
import { type CliIo, count, EXIT, line, UsageError } from '../cli-io.js';
import { SeedGenerator } from '../seed-data.js';
import type { CliCommand } from './command.js';

const OPTIONS = {
  workspace: { type: 'string', short: 'w', default: DEFAULT_CLI_WORKSPACE },
  contacts: { type: 'string', default: '100' },
  interactions: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '42' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: interaction-log seed [--workspace <id>] --contacts <N> --interactions <M> [--seed <n>]

Fills a workspace with demo data: 5 authors, organisations, N contacts with accented names,
and M interactions spread over the last year (types and actions from the defaults, some
follow-ups done or overdue, some marked important). Adds to what is already there.

Options:
  -w, --workspace <id>    CLI workspace key (default "${DEFAULT_CLI_WORKSPACE}")
      --contacts <N>      contacts to create (default 100, at most 200,000)
      --interactions <M>  interactions to create (default 1000, at most 2,000,000)
      --seed <n>          random seed: the same seed gives the same data (default 42)
  -h, --help              show this help`;

const PROGRESS_EVERY = 5_000;
const CONTACT_WRITES_AT_ONCE = 25;
const INTERACTION_BATCH = 1_000;

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError(
      `--${flag} must be a whole number from ${count(min)} to ${count(max)}, got "${raw}".`,
    );
  }
  return value;
}

function progress(io: CliIo, what: string, done: number, total: number, last: number): number {
  if (done - last < PROGRESS_EVERY && done < total) return last;
  line(io.stderr, `… ${count(done)} / ${count(total)} ${what}`);
  return done;
}

async function seed(context: CliContext, sizes: { contacts: number; interactions: number; seed: number }) {
  const { io, container, workspace } = context;
  // Generated data is written in bulk straight to the store the CLI opened, not through the use cases.
  const { members, organisations, contacts, interactions } = storageOf(container).repositories;
  const tag = `seed${container.clock.now().getTime().toString(36)}`;
  const generator = new SeedGenerator(workspace.id, container.ids, container.clock.now(), sizes.seed, tag);

  const authors = generator.members();
  for (const member of authors) await members.insertOrGet(member);
  const orgs: Organisation[] = [];
  for (const organisation of generator.organisations(Math.max(1, Math.ceil(sizes.contacts / 20)))) {
    orgs.push(await organisations.insertOrGet(organisation));
  }

  const people: Contact[] = [];
  let reported = 0;
  while (people.length < sizes.contacts) {
    const size = Math.min(CONTACT_WRITES_AT_ONCE, sizes.contacts - people.length);
    const batch = Array.from({ length: size }, (_, offset) =>
      generator.contact(people.length + offset, orgs),
    );
    await Promise.all(batch.map((contact) => contacts.insert(contact)));
    people.push(...batch);
    reported = progress(io, 'contacts', people.length, sizes.contacts, reported);
  }

  let written = 0;
  reported = 0;
  while (written < sizes.interactions) {
    const size = Math.min(INTERACTION_BATCH, sizes.interactions - written);
    const batch = Array.from({ length: size }, () =>
      generator.interaction(generator.pickContact(people), authors),
    );
    await interactions.insertMany(batch);
    written += size;
    reported = progress(io, 'interactions', written, sizes.interactions, reported);
  }
  return {
    members: authors.length,
    organisations: orgs.length,
    contacts: people.length,
    interactions: written,
  };
}

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Fill a workspace with realistic demo contacts and interactions',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
    if (values.help) {
      line(io.stdout, HELP);
      return EXIT.ok;
    }
    const sizes = {
      contacts: wholeNumber('contacts', values.contacts, 1, 200_000),
      interactions: wholeNumber('interactions', values.interactions, 0, 2_000_000),
      seed: wholeNumber('seed', values.seed, 0, 2 ** 32 - 1),
    };
    const created = await withCliContext(io, values.workspace, (context) => seed(context, sizes));
    line(
      io.stdout,
      `Seeded workspace "${values.workspace}": ${count(created.contacts)} contacts, ` +
        `${count(created.interactions)} interactions, ${created.organisations} organisations, ` +
        `${created.members} authors.`,
    );
    return EXIT.ok;
  },
};
