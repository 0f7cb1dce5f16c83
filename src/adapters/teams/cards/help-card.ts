import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { CommandSyntaxError } from '../../../core/commands/command-grammar.js';
import { COMMAND_HELP, FILTER_HELP, FILTER_SYNTAX } from '../../../core/commands/command-help.js';
import { Dialog, Verb } from '../ids.js';
import { userText } from '../limits.js';
import { adaptiveCard, type CardAction, execute, facts, openDialog, subtle, text } from './card-kit.js';

/** The shared grammar in words: the same entries as Slack's /interaction help. */
export function helpCard(canLog: boolean): IAdaptiveCard {
  return adaptiveCard(
    [
      text('Interaction log', { size: 'Large', weight: 'Bolder' }),
      subtle(
        'Mention me in a channel or group chat, or just type in our chat: `list type:Call from:"last monday"`',
      ),
      facts(COMMAND_HELP.map((entry) => ({ title: entry.usage, value: entry.description }))),
      text('Filters for list, export and report', { weight: 'Bolder', spacing: 'Medium' }),
      facts(FILTER_HELP.map((entry) => ({ title: entry.usage, value: entry.description }))),
    ],
    canLog ? logButtons() : [],
  );
}

/** The dialog, and the same form in the conversation for clients that open no dialogs. */
function logButtons(): CardAction[] {
  return [openDialog('Log an interaction', Dialog.log), execute('Log here', Verb.logHere, { asNew: true })];
}

/**
 * The first thing Teams shows after the app is installed: what it is for, three commands to
 * start with, and where the weekly report can go. Channels and group chats are told to
 * mention the bot.
 */
export function welcomeCard(options: { canLog: boolean; personal: boolean }): IAdaptiveCard {
  const how = options.personal
    ? 'Type a command in this chat, for example:'
    : 'Mention me with a command, for example **@Interaction log** `timeline Ann`:';
  return adaptiveCard(
    [
      text('Thanks for adding Interaction log', { size: 'Large', weight: 'Bolder' }),
      text(
        'Log calls, visits, meetings and notes against your contacts, see a contact’s timeline, and get reminded of follow-ups.',
      ),
      text(how),
      facts([
        { title: 'log Ann Lévy', value: 'Open the log form for a contact' },
        { title: 'log Ann Call "Talked about the class"', value: 'Log in one line, no form' },
        { title: 'timeline Ann', value: 'Everything logged with Ann, newest first' },
        { title: 'followups', value: 'Your open follow-ups' },
      ]),
      subtle(
        options.personal
          ? 'Type **help** for every command.'
          : 'Type **help** for every command. An owner can post the weekly report here with **settings**.',
      ),
    ],
    options.canLog ? logButtons() : [],
  );
}

/**
 * A command the grammar could not read: what was wrong, the part to blame and the syntax, in
 * Slack's order. The reason often starts with the token ("type: needs a value."), so the token
 * gets its own line instead of a "type:: type:" prefix.
 */
export function commandErrorCard(error: CommandSyntaxError): IAdaptiveCard {
  const token = error.token.trim();
  return adaptiveCard([
    text(`⚠️ ${userText(error.reason, 500)}`, { weight: 'Bolder' }),
    ...(token ? [text(`Problem: ${userText(token, 200)}`)] : []),
    text(`Try: ${userText(error.hint, 600)}`),
    subtle(error.syntax ? userText(error.syntax, 600) : `Filters: ${FILTER_SYNTAX}`),
    subtle('Type **help** for every command.'),
  ]);
}
