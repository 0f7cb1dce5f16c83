import { randomUUID } from 'node:crypto';
import type { App } from '@microsoft/teams.apps';
import { dispatchCommand } from '../../../core/commands/command-dispatch.js';
import type { TeamsDeps } from '../deps.js';
import { describeError } from '../errors.js';
import { userText } from '../limits.js';
import { messageActivity } from '../payloads/messages.js';
import { readPayload, unreadableMessage } from '../payloads/parse.js';
import type { TeamsTenancy } from '../tenant.js';
import { teamsCommandHandlers } from './command-handlers.js';
import { importContactsFromAttachment, isContactImport } from './contact-import.js';

/** `/interaction` typed out of habit, or a leading slash: the grammar starts at the verb. */
const COMMAND_PREFIX = /^\s*(?:\/?interaction\b|\/)\s*/i;

export function commandText(raw: string | undefined): string {
  return (raw ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(COMMAND_PREFIX, '')
    .trim();
}

/**
 * Bot commands in personal chat, group chats and channels. The SDK strips the @mention
 * (activity.mentions.stripText), the shared grammar does the rest; an empty message is "help".
 */
export function registerCommands(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  app.on('message', async (ctx) => {
    const { activity } = ctx;
    const parsed = readPayload(messageActivity, activity, deps.container.logger);
    if (!parsed.ok) {
      await ctx.send(unreadableMessage(parsed.referenceId));
      return;
    }
    try {
      // The SDK has stripped the bot's @mention from this text already.
      const text = commandText(parsed.data.text ?? undefined);
      const tenant = await tenancy.tenantOf(activity);
      if (isContactImport(text, activity)) {
        await ctx.send(await importContactsFromAttachment(tenant, deps, activity));
        return;
      }
      const origin = {
        conversationId: activity.conversation.id,
        // Teams gives every message an id; without one a retry cannot be recognised anyway.
        activityId: parsed.data.id ?? randomUUID(),
      };
      const answer = await dispatchCommand(text || 'help', teamsCommandHandlers(tenant, deps, origin), {
        interactionTypes: tenant.workspace.settings.interactionTypes,
      });
      if (answer !== undefined) await ctx.send(answer);
    } catch (error) {
      // A refusal may quote what was typed; a chat message renders markdown.
      await ctx.send(userText(describeError(error, activity, deps.container.logger).message));
    }
  });
}
