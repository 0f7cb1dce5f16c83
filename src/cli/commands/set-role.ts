import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../core/shared/actor.js';
import { withContainer } from '../cli-context.js';
import { type CliIo, EXIT, line, UsageError } from '../cli-io.js';
import type { CliCommand } from './command.js';

const OPTIONS = {
  platform: { type: 'string' },
  workspace: { type: 'string', short: 'w' },
  user: { type: 'string', short: 'u' },
  role: { type: 'string', short: 'r' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage: interaction-log set-role --platform slack|teams --workspace <id> --user <id> --role viewer|member|owner

Gives a person a role in a chat workspace, as its server operator. Use it to hand a workspace
to its real admin: before roles came from Slack and Teams, the first person to use the app
became its owner, whoever they were.

The person must have used the app once (any command), so the id is one the platform vouched
for. The last owner of a workspace cannot be demoted: make the new owner first. The change is
in the audit trail, by "operator".

  --platform   slack or teams
  -w, --workspace  Slack: the team id (T…, or the E… id of an org-wide Enterprise Grid install);
                   Teams: the tenant id
  -u, --user   Slack: the member id (U…, "Copy member ID" in their profile);
               Teams: the person's Entra object id
  -r, --role   viewer, member or owner
  -h, --help   show this help

Exit codes: 0 done, 1 unknown workspace, 2 bad options or refused (a person who never used
the app, the last owner).`;

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new UsageError(`--${flag} is required.`);
  return value.trim();
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const setRoleCommand: CliCommand = {
  name: 'set-role',
  summary: 'give a person a role in a Slack or Teams workspace (hand it to its real admin)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
    if (values.help) {
      line(io.stdout, HELP);
      return EXIT.ok;
    }
    const platform = required(values.platform, 'platform');
    if (platform !== 'slack' && platform !== 'teams') {
      throw new UsageError(`--platform must be slack or teams, got "${platform}".`);
    }
    const externalId = required(values.workspace, 'workspace');
    const userId = required(values.user, 'user');
    const role = required(values.role, 'role');
    if (!isRole(role)) throw new UsageError(`--role must be viewer, member or owner, got "${role}".`);
    const member = await withContainer(io, (container) =>
      container.workspaces.setRoleAsOperator({ platform, externalId, userId, role }),
    );
    line(
      io.stdout,
      `${member.displayName} (${member.userId}) is now ${member.role} in ${platform} ${externalId}.`,
    );
    return EXIT.ok;
  },
};
