import { parseArgs } from 'node:util';
import { type Container, storageOf } from '../../app/container.js';
import { DEFAULT_CLI_WORKSPACE, withContainer } from '../cli-context.js';
import { type CliIo, count, EXIT, line, UsageError } from '../cli-io.js';
import { SeedGenerator } from '../seed-data.js';
import { seedWorkspace } from '../seed-workspace.js';
import type { CliCommand } from './command.js';

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  'slack-team': { type: 'string' },
  'teams-tenant': { type: 'string' },
  contacts: { type: 'string', default: '100' },
  interactions: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '42' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: interaction-log seed [--workspace <id> | --slack-team <T…> | --teams-tenant <id>]
                          --contacts <N> --interactions <M> [--seed <n>]

Fills a workspace with demo data: 5 authors, one organisation per 40 contacts, N contacts with
accented names, and M interactions over the last year (a tenth of the events with several
contacts, a tenth with a follow-up, some done or overdue; descriptions with common and rare
words). Adds to what is already there. Writes in batches, one transaction each: a million
interactions take minutes on the SQLite store.

Options:
  -w, --workspace <id>     CLI workspace key (default "${DEFAULT_CLI_WORKSPACE}")
      --slack-team <id>    the Slack team (T…, or E… for an org-wide install) to fill instead
      --teams-tenant <id>  the Teams tenant to fill instead
      --contacts <N>       contacts to create (default 100, at most 200,000)
      --interactions <M>   interactions to create (default 1000, at most 2,000,000)
      --seed <n>           random seed: the same seed gives the same data, ids aside (default 42)
  -h, --help               show this help`;

const PROGRESS_EVERY = 50_000;

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError(
      `--${flag} must be a whole number from ${count(min)} to ${count(max)}, got "${raw}".`,
    );
  }
  return value;
}

/** Which workspace to fill: the CLI's own by default, or a chat platform's team or tenant. */
function targetOf(values: {
  workspace?: string;
  'slack-team'?: string;
  'teams-tenant'?: string;
}): WorkspaceTarget {
  const given = [values.workspace, values['slack-team'], values['teams-tenant']].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1) {
    throw new UsageError('Give only one of --workspace, --slack-team and --teams-tenant.');
  }
  const slackTeam = values['slack-team']?.trim();
  const teamsTenant = values['teams-tenant']?.trim();
  if (values['slack-team'] !== undefined) {
    if (!slackTeam || !/^[TE][A-Z0-9]+$/.test(slackTeam)) {
      throw new UsageError(
        `--slack-team must be a Slack team id (T…) or enterprise id (E…), got "${values['slack-team']}".`,
      );
    }
    return { platform: 'slack', externalId: slackTeam, label: `Slack team ${slackTeam}` };
  }
  if (values['teams-tenant'] !== undefined) {
    if (!teamsTenant) throw new UsageError('--teams-tenant must be a Teams tenant id.');
    return { platform: 'teams', externalId: teamsTenant, label: `Teams tenant ${teamsTenant}` };
  }
  const key = values.workspace ?? DEFAULT_CLI_WORKSPACE;
  return { platform: 'cli', externalId: key, label: `workspace "${key}"` };
}

interface WorkspaceTarget {
  platform: 'cli' | 'slack' | 'teams';
  externalId: string;
  label: string;
}

async function seed(
  io: CliIo,
  container: Container,
  target: WorkspaceTarget,
  sizes: { contacts: number; interactions: number; seed: number },
) {
  const workspace = await container.workspaces.resolveWorkspace({
    platform: target.platform,
    externalId: target.externalId,
    name: target.platform === 'cli' ? `CLI workspace ${target.externalId}` : '',
  });
  const tag = `seed${container.clock.now().getTime().toString(36)}`;
  const generator = new SeedGenerator(workspace.id, container.ids, container.clock.now(), sizes.seed, tag);
  const started = Date.now();
  const reported = { contacts: 0, interactions: 0 };
  const report = await seedWorkspace(
    // Generated data is written in bulk straight to the store the CLI opened, not through the use cases.
    storageOf(container).repositories,
    generator,
    sizes,
    (what, done, total) => {
      if (done - reported[what] < PROGRESS_EVERY && done < total) return;
      reported[what] = done;
      const seconds = (Date.now() - started) / 1000;
      line(io.stderr, `… ${count(done)} / ${count(total)} ${what} (${seconds.toFixed(0)} s)`);
    },
  );
  return { ...report, seconds: (Date.now() - started) / 1000 };
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
    const target = targetOf(values);
    const created = await withContainer(io, (container) => seed(io, container, target, sizes));
    line(
      io.stdout,
      `Seeded ${target.label}: ${count(created.contacts.length)} contacts, ` +
        `${count(created.interactions)} interactions, ${created.organisations} organisations, ` +
        `${created.members.length} authors in ${created.seconds.toFixed(1)} s.`,
    );
    return EXIT.ok;
  },
};
