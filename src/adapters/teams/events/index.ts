import type { App } from '@microsoft/teams.apps';
import type { TeamsDeps } from '../deps.js';
import { describeError } from '../errors.js';
import type { TeamsTenancy } from '../tenant.js';
import type { conversationRecorder } from './conversation-refs.js';

export type RecordConversation = ReturnType<typeof conversationRecorder>;

/**
 * Install and membership events: the bot added to a team, a group chat or a personal chat
 * stores the conversation reference (id + service URL) that proactive reminders and weekly
 * reports need later. A welcome card would need the member's consent first, so none is sent.
 */
export function registerEvents(
  app: App,
  deps: TeamsDeps,
  tenancy: TeamsTenancy,
  record: RecordConversation,
): void {
  const remember = async (activity: Parameters<TeamsTenancy['tenantOf']>[0]) => {
    try {
      const tenant = await tenancy.tenantOf(activity);
      await record(activity, tenant);
    } catch (error) {
      describeError(error, activity, deps.container.logger);
    }
  };
  app.on('install.add', async (ctx) => remember(ctx.activity));
  app.on('conversationUpdate', async (ctx) => remember(ctx.activity));
}
