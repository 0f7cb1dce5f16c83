import type { CardElement } from '@microsoft/teams.cards';
import type { PagingView } from '../../../core/views/interaction-item.js';
import { Verb } from '../ids.js';
import { actionSet, type CardAction, execute } from './card-kit.js';
import { atPage, type ViewContext } from './view-context.js';

/** "Newer" and "Older" buttons that refresh the same card on the next page. */
export function pagingActions(paging: PagingView, context: ViewContext): CardElement[] {
  const verb = context.v === 'timeline' ? Verb.timelinePage : Verb.listPage;
  const actions: CardAction[] = [];
  if (paging.prevCursor) {
    actions.push(
      execute('◀ Newer', verb, { ctx: atPage(context, { cursor: paging.prevCursor, direction: 'newer' }) }),
    );
  }
  if (paging.nextCursor) {
    actions.push(
      execute('Older ▶', verb, { ctx: atPage(context, { cursor: paging.nextCursor, direction: 'older' }) }),
    );
  }
  return actions.length > 0 ? [actionSet(actions)] : [];
}
