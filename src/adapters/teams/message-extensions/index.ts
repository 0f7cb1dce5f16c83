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
import {
  messageExtensionOpenActivity,
  messageExtensionQueryActivity,
  messageExtensionSubmitActivity,
} from '../payloads/message-extensions.js';
import { readPayload, unreadableMessage } from '../payloads/parse.js';
import { timelineCardFor } from '../results/result-cards.js';
import type { TeamsTenancy } from '../tenant.js';
import { messageText } from './message-text.js';

/** A sentence in the compose area's message-extension pane. */
export function messageResult(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

/**
 * "Find a contact" (search command): matching contacts; choosing one inserts its timeline card
 * into the compose box. "Log as interaction" (action command on a message, F6): the log dialog
 * with the message's text as description and its link as the source.
 */
export function registerMessageExtensions(app: App, deps: TeamsDeps, tenancy: TeamsTenancy): void {
  const { logger } = deps.container;
  app.on('message.ext.query', async (ctx) => {
    const { activity } = ctx;
    const parsed = readPayload(messageExtensionQueryActivity, activity, logger);
    if (!parsed.ok) return messageResult(unreadableMessage(parsed.referenceId));
    const { value } = parsed.data;
    try {
      const tenant = await tenancy.tenantOf(activity);
      const query = value.parameters.find((p) => p.name === 'query')?.value;
      const text = typeof query === 'string' ? query : '';
      const count = Math.min(
        value.queryOptions?.count ?? TEAMS_LIMITS.messageExtensionResults,
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
      return messageResult(describeError(error, activity, logger).message);
    }
  });

  app.on('message.ext.open', async (ctx) => {
    const { activity } = ctx;
    const parsed = readPayload(messageExtensionOpenActivity, activity, logger);
    if (!parsed.ok) return messageResult(unreadableMessage(parsed.referenceId));
    const { value } = parsed.data;
    try {
      const tenant = await tenancy.tenantOf(activity);
      if (value.commandId !== MessageExtensionCommand.logInteraction)
        return messageResult('Unknown command.');
      if (!canWrite(tenant.actor)) return messageResult('⛔ Viewers can read the log but cannot change it.');
      const payload = value.messagePayload;
      const card = await openLogDialog(tenant, deps, {
        description: truncate(
          messageText(payload?.body?.content ?? '', payload?.body?.contentType ?? undefined),
          TEAMS_LIMITS.descriptionChars,
        ),
        ...(payload?.linkToMessage ? { sourceLink: payload.linkToMessage } : {}),
      });
      return continueWith('Log as interaction', card);
    } catch (error) {
      return messageResult(describeError(error, activity, logger).message);
    }
  });

  app.on('message.ext.submit', async (ctx) => {
    const { activity } = ctx;
    const parsed = readPayload(messageExtensionSubmitActivity, activity, logger);
    if (!parsed.ok) return messageResult(unreadableMessage(parsed.referenceId));
    const { data } = parsed.data.value;
    try {
      const tenant = await tenancy.tenantOf(activity);
      const outcome = await submitLogDialog(tenant, deps, {
        key: data.key,
        values: dialogValues(data),
        ...(data.src ? { sourceLink: data.src } : {}),
      });
      if (outcome.kind === 'invalid') return continueWith('Log as interaction', outcome.card);
      // A replay (the same dialog submitted again) posts no second card: the invoke answer is
      // then the only reply, so it must say the interaction was already logged.
      if (!outcome.card) return messageResult(outcome.message);
      await ctx.send(outcome.card);
      return {};
    } catch (error) {
      return messageResult(describeError(error, activity, logger).message);
    }
  });
}
