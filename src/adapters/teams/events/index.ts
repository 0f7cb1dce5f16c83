import type { App } from '@microsoft/teams.apps';
import { canWrite } from '../../../core/shared/actor.js';
import { welcomeCard } from '../cards/help-card.js';
import type { TeamsDeps } from '../deps.js';
import { installationUpdateActivity } from '../payloads/events.js';
import { readPayload } from '../payloads/parse.js';
import type { TeamsTenancy } from '../tenant.js';
import { conversationRecorder } from './conversation-refs.js';

/**
 * Every verified activity — already read by its surface's schema at the door
 * (payloads/guard.ts), so a malformed one never gets here to be recorded — may be the first from this person or place — an install, the bot
 * added to a team, a message — so each one records where it came from: the conversation
 * reference (id + service URL) that proactive reminders and weekly reports need later.
 */
export function registerEvents(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  const record = conversationRecorder(deps);
  app.use(async (ctx) => {
    try {
      await record(ctx.activity, await tenancy.tenantOf(ctx.activity));
    } catch {
      // An activity without tenant or user (a system event) has nothing to remember.
    }
    return ctx.next();
  });
  // Teams sends installationUpdate (action "add") once per install: personal, chat or team.
  app.on('install.add', async (ctx) => {
    // Nobody filled anything in: an unreadable install is logged by the parse step and greeted by no one.
    if (!readPayload(installationUpdateActivity, ctx.activity, deps.container.logger).ok) return;
    try {
      const tenant = await tenancy.tenantOf(ctx.activity);
      const personal = ctx.activity.conversation?.conversationType === 'personal';
      await ctx.send(welcomeCard({ canLog: canWrite(tenant.actor), personal }));
    } catch (error) {
      deps.container.logger.warn('Teams welcome not sent', { error: String(error) });
    }
  });
}
