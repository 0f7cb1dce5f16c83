import type { App } from '@slack/bolt';
import { SlashCommand } from '../../ids.js';
import type { SlackDeps } from '../deps.js';
import { onInteractionCommand } from './interaction-command.js';

/** `/interaction <subcommand>`: one slash command, routed by the core's grammar (interaction-command.ts). */
export function registerCommandListeners(app: App, deps: SlackDeps): void {
  app.command(SlashCommand.interaction, (args) => onInteractionCommand(args, deps));
}
