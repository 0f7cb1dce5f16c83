import type { KnownBlock } from '@slack/types';
import { COMMAND_HELP, FILTER_HELP, FILTER_SYNTAX } from '../../../core/commands/command-help.js';
import { ActionId, BlockId, SlashCommand } from '../ids.js';
import { actions, button, context, header, type SlackMessage, section } from './block-kit.js';
import { escapeAndTruncate, escapeMrkdwn } from './limits.js';

/** The ephemeral `/interaction help`: every command and filter, from the shared grammar text. */
export function helpBlocks(command: string = SlashCommand.interaction): SlackMessage {
  // `<contact>` in the usage would be read as Slack markup: the help text is escaped like user text.
  const commands = COMMAND_HELP.map(
    (entry) => `\`${escapeMrkdwn(`${command} ${entry.usage}`)}\`  ${escapeMrkdwn(entry.description)}`,
  );
  const filters = FILTER_HELP.map(
    (entry) => `\`${escapeMrkdwn(entry.usage)}\`  ${escapeMrkdwn(entry.description)}`,
  );
  const blocks: KnownBlock[] = [
    header('Interaction log: commands'),
    section(commands.join('\n')),
    section(`*Filters for list and export*\n${filters.join('\n')}`),
    context([`Example: \`${escapeMrkdwn(`${command} list type:Call from:"last monday" followup:open`)}\``]),
    actions(BlockId.helpActions, [button('Log interaction', ActionId.logInteraction, undefined, 'primary')]),
  ];
  return { text: `${command} help`, blocks };
}

/** What a CommandSyntaxError carries; structural so any adapter error with these fields fits. */
export interface CommandErrorInfo {
  token: string;
  reason: string;
  hint: string;
  /** The syntax the bad part belongs to; the filters' when absent. */
  syntax?: string | undefined;
}

/** Ephemeral reply to a bad command: names the bad part, shows what would work and the filter syntax. */
export function commandErrorBlocks(
  error: CommandErrorInfo,
  command: string = SlashCommand.interaction,
): SlackMessage {
  const token = escapeAndTruncate(error.token.replace(/`/g, "'"), 200).text;
  const lines = [`:warning: ${escapeMrkdwn(error.reason)}`];
  if (token) lines.push(`Problem: \`${token}\``);
  lines.push(`Try: \`${escapeMrkdwn(error.hint)}\``);
  const blocks: KnownBlock[] = [
    section(lines.join('\n')),
    context([
      error.syntax ? `\`${escapeMrkdwn(error.syntax)}\`` : `Filters: \`${escapeMrkdwn(FILTER_SYNTAX)}\``,
      `\`${escapeMrkdwn(`${command} help`)}\` lists every command.`,
    ]),
  ];
  return { text: `${escapeMrkdwn(error.reason)} (${token})`, blocks };
}
