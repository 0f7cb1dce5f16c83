import type { MessagingExtensionResponse } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import { contactDisplayName } from '../../../core/contacts/contact.js';
import { canWrite } from '../../../core/shared/actor.js';
import { contactDetail } from '../cards/contact-cards.js';
import type { TeamsDeps } from '../deps.js';
import { dialogValues } from '../dialogs/dialog-fields.js';
import { continueWith } from '../dialogs/index.js';
import { openLogDialog } from '../dialogs/log-dialog.js';
import { submitLogDialog } from '../dialogs/log-submit.js';
import { describeError } from '../errors.js';
import { MessageExtensionCommand } from '../ids.js';
import { TEAMS_LIMITS, truncate } from '../limits.js';
import { timelineCardFor } from '../results/result-cards.js';
import type { TeamsTenancy } from '../tenant.js';
import { messageText } from './message-text.js';

function messageResult(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

/**
 * "Find a contact" (search command): matching contacts; choosing one inserts its timeline card
 * into the compose box. "Log as interaction" (action command on a message, F6): the log dialog
 * with the message's text as description and its link as the source.
 */
export function registerMessageExtensions(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  app.on('message.ext.query', async (ctx) => {
    const { activity } = ctx;
    try {
      const tenant = await tenancy.tenantOf(activity);
      const query = activity.value.parameters?.find((p) => p.name === 'query')?.value;
      const text = typeof query === 'string' ? query : '';
      const count = Math.min(
        activity.value.queryOptions?.count ?? TEAMS_LIMITS.messageExtensionResults,
        TEAMS_LIMITS.messageExtensionResults,
      );
      const contacts = text.trim()
        ? await deps.container.contacts.findContacts(tenant.actor, { text, limit: count })
        : [];
      const attachments = await Promise.all(
        contacts.map(async (contact) => ({
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: await timelineCardFor(tenant, deps, { k: 'contact', s: contact.id }, {}, contact),
          preview: {
            contentType: 'application/vnd.microsoft.card.thumbnail',
            content: {
              title: truncate(contactDisplayName(contact) || '(no name)', 100),
              text: truncate(contactDetail(contact), 200),
            },
          },
        })),
      );
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
    } catch (error) {
      return messageResult(describeError(error, activity, deps.container.logger).message);
    }
  });

  app.on('message.ext.open', async (ctx) => {
    const { activity } = ctx;
    try {
      const tenant = await tenancy.tenantOf(activity);
      if (activity.value.commandId !== MessageExtensionCommand.logInteraction)
        return messageResult('Unknown command.');
      if (!canWrite(tenant.actor)) return messageResult('⛔ Viewers can read the log but cannot change it.');
      const payload = activity.value.messagePayload;
      const card = await openLogDialog(tenant, deps, {
        description: truncate(
          messageText(payload?.body?.content ?? '', payload?.body?.contentType),
          TEAMS_LIMITS.descriptionChars,
        ),
        ...(payload?.linkToMessage ? { sourceLink: payload.linkToMessage } : {}),
      });
      return continueWith('Log as interaction', card);
    } catch (error) {
      return messageResult(describeError(error, activity, deps.container.logger).message);
    }
  });

  app.on('message.ext.submit', async (ctx) => {
    const { activity } = ctx;
    const data = (activity.value.data ?? {}) as Record<string, unknown>;
    try {
      const tenant = await tenancy.tenantOf(activity);
      const outcome = await submitLogDialog(tenant, deps, {
        key: typeof data.key === 'string' ? data.key : '',
        values: dialogValues(data),
        ...(typeof data.src === 'string' ? { sourceLink: data.src } : {}),
      });
      if (outcome.kind === 'invalid') return continueWith('Log as interaction', outcome.card);
      if (outcome.card) await ctx.send(outcome.card);
      return {};
    } catch (error) {
      return messageResult(describeError(error, activity, deps.container.logger).message);
    }
  });
}
