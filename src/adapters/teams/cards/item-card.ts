import type { CardElement } from '@microsoft/teams.cards';
import { VISIT_ADDRESS_MAX } from '../../../core/interactions/interaction.schemas.js';
import type { FollowUpMarker, InteractionItemView } from '../../../core/views/interaction-item.js';
import { Dialog, Verb } from '../ids.js';
import { TEAMS_LIMITS, userText } from '../limits.js';
import {
  actionSet,
  type CardAction,
  type CardRenderOptions,
  execute,
  formatWhen,
  logDialogFor,
  markdownLink,
  openDialog,
  subtle,
  text,
} from './card-kit.js';
import type { ViewContext } from './view-context.js';

/** Descriptions are previewed at this length in a list; the full text is one edit away. */
const DESCRIPTION_PREVIEW = 400;

export interface ItemRenderOptions extends CardRenderOptions {
  /** Lists mix contacts, so each item names its contact; a contact timeline does not. */
  showContact: boolean;
  /** From the view: viewers get no "Log follow-up". */
  canLog: boolean;
  /** The card this item sits in, so its buttons can refresh that card. */
  context: ViewContext;
  /** The item whose Delete was pressed: it shows the confirmation instead of its actions. */
  confirmingDeleteId?: string;
  viewerId: string;
}

function followUpLine(followUp: FollowUpMarker, options: ItemRenderOptions): string {
  const when = formatWhen(followUp.dueAt, options);
  const who = followUp.assigneeId === options.viewerId ? 'you' : 'a teammate';
  switch (followUp.status) {
    case 'done':
      return `✅ Follow-up done (was due ${when})`;
    case 'open':
      return followUp.overdue
        ? `⏰ Follow-up overdue since ${when}, for ${who}`
        : `⏰ Follow-up ${when}, for ${who}`;
    default:
      return '';
  }
}

function itemActions(item: InteractionItemView, options: ItemRenderOptions): CardElement[] {
  if (options.confirmingDeleteId === item.id) {
    return [
      text(
        `Delete this ${userText(item.typeLabel, 60)} with ${userText(item.contactName, 100)}? This cannot be undone.`,
        {
          color: 'Attention',
          weight: 'Bolder',
        },
      ),
      actionSet([
        execute(
          'Delete',
          Verb.itemDeleteConfirm,
          { id: item.id, ctx: options.context },
          { style: 'destructive' },
        ),
        execute('Cancel', Verb.itemDeleteCancel, { ctx: options.context }),
      ]),
    ];
  }
  const actions: CardAction[] = [];
  if (item.canEdit) {
    actions.push(openDialog('Edit', Dialog.edit, { id: item.id }));
    actions.push(execute('Delete', Verb.itemDelete, { id: item.id, ctx: options.context }));
  }
  if (options.canLog) {
    actions.push(
      openDialog('Log follow-up', Dialog.log, logDialogFor([{ id: item.contactId, name: item.contactName }])),
    );
  }
  return actions.length > 0 ? [actionSet(actions)] : [];
}

/** One interaction: type, when, who, tags, what was said, its follow-up, and what the viewer may do. */
export function itemContainer(item: InteractionItemView, options: ItemRenderOptions): CardElement {
  const title = [
    `**${userText(item.typeLabel, 60)}**`,
    options.showContact ? userText(item.contactName, 100) : undefined,
    item.important ? '❗ Important' : undefined,
  ].filter(Boolean);
  const meta = [formatWhen(item.occurredAt, options), `by ${userText(item.authorName, 80)}`];
  if (item.attachmentCount > 0) meta.push(`📎 ${item.attachmentCount}`);
  const body: CardElement[] = [text(title.join(' · ')), subtle(meta.join(' · '))];
  if (item.actions.length > 0)
    body.push(text(`Actions: ${item.actions.map((tag) => userText(tag, 60)).join(', ')}`));
  if (item.visitAddress) body.push(text(`📍 ${userText(item.visitAddress, VISIT_ADDRESS_MAX)}`));
  if (item.description) {
    body.push(text(userText(item.description, DESCRIPTION_PREVIEW), { maxLines: 8 }));
  }
  if (item.followUp && item.followUp.status !== 'cancelled') {
    body.push(
      text(followUpLine(item.followUp, options), { color: item.followUp.overdue ? 'Attention' : 'Default' }),
    );
  }
  const source = item.sourceLink ? markdownLink('Source message', item.sourceLink) : undefined;
  if (source) body.push(subtle(source));
  body.push(...itemActions(item, options));
  return { type: 'Container', separator: true, spacing: 'Medium', items: body };
}

export const ITEM_TEXT_MAX = TEAMS_LIMITS.textBlockChars;
