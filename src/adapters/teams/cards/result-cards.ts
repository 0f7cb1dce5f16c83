import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import { countPhraseFirst } from '../../../core/views/count-phrase.js';
import type { InteractionItemView, PagingView } from '../../../core/views/interaction-item.js';
import type { ListView } from '../../../core/views/list-view.js';
import type { TimelineView } from '../../../core/views/timeline-view.js';
import { Dialog, Verb } from '../ids.js';
import { byteSize, TEAMS_LIMITS, userText } from '../limits.js';
import {
  adaptiveCard,
  type CardAction,
  type CardRenderOptions,
  execute,
  heading,
  logDialogFor,
  openDialog,
  plural,
  subtle,
  text,
} from './card-kit.js';
import { itemContainer } from './item-card.js';
import { pagingActions } from './paging.js';
import { atPage, filterData, type PagePosition, type ViewContext } from './view-context.js';

export interface ResultRenderOptions extends CardRenderOptions {
  viewerId: string;
  confirmingDeleteId?: string;
  /** The page this card shows, so its item buttons re-render this same page. */
  page?: PagePosition | undefined;
}

/** Room kept for the paging row and the footer once the items are in. */
const FOOTER_RESERVE_BYTES = 2_048;

/**
 * Items while the card stays inside the connector's size budget. An item that would not fit
 * ends the page, and "Older" continues right after the last item shown, so nothing is skipped.
 */
function fitItems(
  head: CardElement[],
  items: InteractionItemView[],
  paging: PagingView,
  render: (item: InteractionItemView) => CardElement,
): { body: CardElement[]; paging: PagingView } {
  const body = [...head];
  let size = byteSize(adaptiveCard(body));
  for (const [index, item] of items.entries()) {
    const element = render(item);
    const next = byteSize(element) + 1;
    if (size + next > TEAMS_LIMITS.cardBytes - FOOTER_RESERVE_BYTES && index > 0) {
      const last = items[index - 1];
      return { body, paging: { ...paging, ...(last ? { nextCursor: last.cursor } : {}) } };
    }
    body.push(element);
    size += next;
  }
  return { body, paging };
}

/** F8/F9 timeline card: the subject, its total, one page of items, paging and "Log interaction". */
export function timelineCard(view: TimelineView, options: ResultRenderOptions): IAdaptiveCard {
  const context = atPage({ v: 'timeline', ref: { k: view.subject.kind, s: view.subject.id } }, options.page);
  return resultCard(view, context, options, {
    title: view.title,
    summary: `${view.subject.kind === 'organisation' ? 'Organisation timeline' : 'Timeline'} · ${plural(view.total, 'interaction')}`,
    empty: 'Nothing logged yet.',
    showContact: view.subject.kind === 'organisation',
    logAction:
      view.subject.kind === 'contact'
        ? openDialog('Log interaction', Dialog.log, logDialogFor([view.subject]))
        : undefined,
  });
}

/** F10 list card: filters in words, the total, one page, paging and Export. */
export function listCard(view: ListView, options: ResultRenderOptions): IAdaptiveCard {
  const context = atPage({ v: 'list', filter: filterData(view.filter), sort: view.sort }, options.page);
  const chips = view.chips.map((chip) => `${chip.label}: ${userText(chip.value, 120)}`).join(' · ');
  return resultCard(view, context, options, {
    title: view.title,
    summary: `${countPhraseFirst(view.total, view.moreThanTotal, 'interaction')} · ${chips ? `Filters: ${chips}` : 'No filters: every interaction of the workspace'}`,
    empty: 'Nothing matches these filters.',
    showContact: true,
    extraAction:
      view.total > 0
        ? execute('Export CSV', Verb.exportList, { ctx: atPage(context, undefined) })
        : undefined,
  });
}

interface ResultShape {
  title: string;
  summary: string;
  empty: string;
  showContact: boolean;
  logAction?: CardAction | undefined;
  extraAction?: CardAction | undefined;
}

function resultCard(
  view: TimelineView | ListView,
  baseContext: ViewContext,
  options: ResultRenderOptions,
  shape: ResultShape,
): IAdaptiveCard {
  const context = baseContext;
  const head: CardElement[] = [heading(shape.title), subtle(shape.summary)];
  if (view.items.length === 0) head.push(text(shape.empty));
  const fitted = fitItems(head, view.items, view.paging, (item) =>
    itemContainer(item, {
      ...options,
      showContact: shape.showContact,
      canLog: view.canLog,
      context,
    }),
  );
  const actions: CardAction[] = [];
  if (view.canLog && shape.logAction) actions.push(shape.logAction);
  if (shape.extraAction) actions.push(shape.extraAction);
  return adaptiveCard([...fitted.body, ...pagingActions(fitted.paging, baseContext)], actions);
}
