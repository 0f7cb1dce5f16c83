import type { ConversationRefRepository } from '../../../core/deliveries/conversation-ref.port.js';
import type { SendResult } from '../../../core/deliveries/delivery.js';
import type { ReminderMessage, ReminderNotifier } from '../../../core/followups/reminder-delivery.js';
import type { Logger } from '../../../core/shared/ports.js';
import type { WorkspaceRepository } from '../../../core/workspaces/workspace.repository.port.js';
import { reminderCard } from '../cards/reminder-card.js';
import { connectorError, toSendFailure } from './teams-errors.js';
import type { TeamsSender } from './teams-sender.js';

export interface TeamsReminderNotifierDeps {
  sender: TeamsSender;
  conversations: ConversationRefRepository;
  workspaces: Pick<WorkspaceRepository, 'findById'>;
  /** Used to open a chat with someone the bot never talked to (no stored reference). */
  defaultServiceUrl: string;
  logger: Logger;
}

/**
 * F13 on Teams: the reminder card in the assignee's personal chat with the bot. The chat
 * stored when they last wrote to the bot is used; without one (or if it vanished) the bot opens
 * it with the connector's createConversation, which works once the app is installed for them.
 * Exactly-once is the delivery record's job (core/deliveries): this only sends and classifies.
 */
export function createTeamsReminderNotifier(deps: TeamsReminderNotifierDeps): ReminderNotifier {
  async function open(message: ReminderMessage): Promise<{ serviceUrl: string; conversationId: string }> {
    const workspace = await deps.workspaces.findById(message.workspaceId);
    if (!workspace) throw new Error('The workspace of this reminder no longer exists');
    const serviceUrl = deps.defaultServiceUrl;
    const conversationId = await deps.sender.openPersonalChat(
      serviceUrl,
      workspace.externalId,
      message.assigneeId,
    );
    await deps.conversations.save({
      workspaceId: message.workspaceId,
      kind: 'personal',
      conversationId,
      serviceUrl,
      userId: message.assigneeId,
      updatedAt: new Date(),
    });
    return { serviceUrl, conversationId };
  }

  async function post(
    message: ReminderMessage,
    target: { serviceUrl: string; conversationId: string },
  ): Promise<SendResult> {
    const card = reminderCard(message.view, {
      timeZone: message.timeZone,
      dateFormat: message.dateFormat,
      ...(message.zoneLabel ? { zoneLabel: message.zoneLabel } : {}),
    });
    const id = await deps.sender.postCard(target.serviceUrl, target.conversationId, card);
    return { ok: true, ref: `${target.conversationId}:${id}` };
  }

  return {
    async sendReminder(message) {
      try {
        const stored = await deps.conversations.personal(message.workspaceId, message.assigneeId);
        if (!stored) return await post(message, await open(message));
        try {
          return await post(message, stored);
        } catch (error) {
          // The stored chat is gone (the user removed the app and added it again): open it anew, once.
          const { status } = connectorError(error);
          if (status !== 404 && status !== 403) throw error;
          await deps.conversations.forgetPersonal(message.workspaceId, message.assigneeId);
          return await post(message, await open(message));
        }
      } catch (error) {
        const failure = toSendFailure(error);
        deps.logger.warn('Teams reminder not sent', {
          workspaceId: message.workspaceId,
          interactionId: message.view.interactionId,
          permanent: failure.permanent,
          reason: failure.reason,
        });
        return failure;
      }
    },
  };
}
