import type { KnownBlock } from '@slack/types';
import type { Interaction } from '../../../core/interactions/interaction.js';
import type { LogInteractionResult } from '../../../core/interactions/interaction.service.js';
import { loggedVerb } from '../../../core/interactions/log-interaction.js';
import { LoggedActionPrefix, LoggedBlockId, loggedActionId } from '../ids.js';
import { ButtonValue, encodeValue } from '../payloads/action-values.js';
import {
  actions,
  button,
  context,
  mention,
  plural,
  type RenderOptions,
  type SlackMessage,
  section,
} from './block-kit.js';
import { dateToken, label, typeBadge } from './interaction-item-blocks.js';
import { escapeAndTruncate, LIMITS, truncateText } from './limits.js';

/** Names listed (and timeline buttons offered) in a confirmation; the rest are counted. */
export const CONFIRMATION_NAMES = 10;

function names(contacts: readonly { name: string }[]): string {
  const shown = contacts.slice(0, CONFIRMATION_NAMES).map((contact) => `*${label(contact.name)}*`);
  const rest = contacts.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${plural(rest, 'more', 'more')}` : shown.join(', ');
}

/**
 * What was logged, for whom (first names, then "and N more"), and a button to each of those
 * contacts' timelines. Every piece of user text is escaped; mentions are built from ids only.
 */
export function loggedMessage(result: LogInteractionResult, options: RenderOptions): SlackMessage {
  const first: Interaction | undefined = result.interactions[0];
  const count = result.contacts.length;
  const type = first?.type ?? 'interaction';
  const lines = [
    `:white_check_mark: ${loggedVerb(result)} ${typeBadge(type)} *${label(type)}* for ${plural(count, 'contact')}: ${names(result.contacts)}`,
  ];
  if (first) {
    const details = [dateToken(first.occurredAt, options)];
    if (first.important) details.push(':exclamation: Important');
    if (first.followUp) {
      details.push(
        `:alarm_clock: Follow-up ${dateToken(first.followUp.dueAt, options)} for ${mention(first.followUp.assigneeId, 'the assignee')}`,
      );
    }
    if (first.attachments.length > 0) details.push(`:paperclip: ${plural(first.attachments.length, 'file')}`);
    lines.push(details.join(' · '));
  }
  if (result.closedFollowUp) {
    lines.push(
      `:white_check_mark: The follow-up with *${label(result.closedFollowUp.contactName)}* is marked done.`,
    );
  }
  const blocks: KnownBlock[] = [section(lines.join('\n'), { block_id: LoggedBlockId.summary })];
  const preview = first ? escapeAndTruncate(first.description.trim(), 300).text : '';
  if (preview) blocks.push(context([preview]));
  const buttons = result.contacts
    .slice(0, CONFIRMATION_NAMES)
    .map((contact) =>
      button(
        truncateText(`Timeline: ${contact.name}`, LIMITS.buttonText),
        loggedActionId(LoggedActionPrefix.openTimeline, contact.id),
        encodeValue(ButtonValue.timeline, { k: 'contact', s: contact.id }),
      ),
    );
  if (buttons.length > 0) blocks.push(actions(LoggedBlockId.timelines, buttons));
  const text = `${loggedVerb(result)} ${truncateText(type, 60)} for ${plural(count, 'contact')}`;
  return { text: escapeAndTruncate(text, 200).text, blocks };
}

function named(interaction: Interaction): string {
  return `${typeBadge(interaction.type)} *${label(interaction.type)}* with *${label(interaction.contactName)}*`;
}

export function updatedText(interaction: Interaction): string {
  return `:pencil2: Updated the ${named(interaction)}.`;
}

export function deletedText(interaction: Interaction): string {
  return `:wastebasket: Deleted the ${named(interaction)}.`;
}

export const ALREADY_DELETED = 'This interaction was already deleted, so there is nothing left to delete.';
