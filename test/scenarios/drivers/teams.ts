import { cardText, expectValidCard } from '../../teams/support/cards.js';
import {
  OTHER_TENANT,
  personalChat,
  TENANT,
  type TeamsHttpResponse,
  USERS,
  useTeamsApp,
} from '../../teams/support/teams-app.js';
import type { Driver, Given, Observation, Person, Step } from '../scenario.js';
import { type CoreSeed, deliverReminder, seedGiven } from './seed.js';
import {
  ADAPTIVE,
  buttonAfter,
  type CardAction,
  cardsOf,
  choiceValue,
  dialogInputs,
  isJson,
  type Json,
  readingOrder,
} from './teams-cards.js';

/**
 * The scenario driver for Teams: Bot Framework activities to the real Teams app over HTTP, the
 * fake Bot Connector recording every activity the app sends. What the person saw is read from
 * those activities, from invoke answers (refreshed cards, dialogs) and from the CSV behind a
 * download link.
 */
export function useTeamsDriver(): Driver {
  const t = useTeamsApp();
  let seed: CoreSeed;
  /** The last card a person was shown with items or buttons: where their next click lands. */
  let surface: unknown;
  let dialog: { card: unknown } | undefined;

  async function observe(act: () => Promise<TeamsHttpResponse>): Promise<Observation> {
    const from = t.connector.sent().length;
    const response = await act();
    const texts: string[] = [];
    const formErrors: string[] = [];
    let formOpened = false;
    const cards: unknown[] = [];
    dialog = undefined;
    const body = response.body;
    if (isJson(body)) {
      if (body.type === ADAPTIVE && isJson(body.value)) {
        texts.push(cardText(body.value));
        cards.push(body.value);
        surface = body.value;
      } else if (typeof body.value === 'string') texts.push(body.value);
      const task = isJson(body.task) ? body.task : undefined;
      if (task?.type === 'message' && typeof task.value === 'string') texts.push(task.value);
      if (task?.type === 'continue' && isJson(task.value)) {
        const card = isJson(task.value.card) ? task.value.card.content : undefined;
        formOpened = true;
        dialog = { card };
        cards.push(card);
        texts.push(String(task.value.title ?? ''), cardText(card));
      }
    }
    if (response.status >= 400) texts.push(`HTTP ${response.status}`);
    for (const activity of t.connector.sent().slice(from)) {
      if (typeof activity.text === 'string') texts.push(activity.text);
      for (const card of cardsOf(activity)) {
        texts.push(cardText(card));
        cards.push(card);
        surface = card;
      }
    }
    // A dialog answered with itself again is a refusal: its text carries the reasons.
    if (formOpened && dialog && /Nothing was saved/.test(texts.join('\n'))) formErrors.push(texts.join('\n'));
    // Whatever the person is shown must render: Adaptive Cards 1.5, inside the message size.
    for (const card of cards) expectValidCard(card);
    const csv = await downloadIfOffered(cards);
    return { text: texts.filter(Boolean).join('\n'), formErrors, formOpened, ...(csv ? { csv } : {}) };
  }

  /** A "Download CSV" link (export, report) on a card just shown, followed as the person's browser would. */
  async function downloadIfOffered(cards: unknown[]): Promise<string[] | undefined> {
    const link = cards
      .flatMap(readingOrder)
      .find((entry) => 'action' in entry && entry.action.title === 'Download CSV');
    const url = link && 'action' in link ? (link.action as unknown as { url?: string }).url : undefined;
    if (!url) return undefined;
    const download = await fetch(url);
    return (await download.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
  }

  const where = (as: Person) => ({ user: as, conversation: personalChat(as) });
  const say = (as: Person, text: string) => observe(() => t.message(text, where(as)));

  const execute = (as: Person, button: CardAction) =>
    t.invoke(
      'adaptiveCard/action',
      { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
      where(as),
    );

  const fetchTask = (as: Person, button: CardAction) =>
    t.invoke('task/fetch', { data: button.data, context: { theme: 'default' } }, where(as));

  /** Clicks a button: Action.Execute refreshes the card, Action.Submit with task/fetch opens a dialog. */
  const press = (as: Person, button: CardAction) =>
    button.type === 'Action.Execute' ? execute(as, button) : fetchTask(as, button);

  /** Submits the open dialog with what the person set; reports the opening when none opened. */
  async function openThenSubmit(as: Person, opened: Observation, set: Record<string, string>) {
    const card = dialog?.card;
    if (!card) return opened;
    const submit = readingOrder(card)
      .map((entry) => ('action' in entry ? entry.action : undefined))
      .find(
        (action) => action?.type === 'Action.Submit' && isJson(action.data) && !('msteams' in action.data),
      );
    if (!submit) throw new Error(`No submit button in the dialog: ${cardText(card).slice(0, 300)}`);
    return observe(() =>
      t.invoke(
        'task/submit',
        { data: { ...submit.data, ...dialogInputs(card, set) }, context: { theme: 'default' } },
        where(as),
      ),
    );
  }

  const logInputs = (step: Extract<Step, { step: 'log' }>, card: unknown) => ({
    contacts: step.contacts.map((name) => seed.contactId(name)).join(','),
    ...(step.newType
      ? { type: choiceValue(card, 'type', /^Other…/), customType: step.type }
      : { type: choiceValue(card, 'type', step.type) }),
    description: step.description,
    ...(step.followUp ? { followUpDate: step.followUp.day, followUpTime: step.followUp.time } : {}),
    ...(step.at ? { date: step.at.day, time: step.at.time } : {}),
  });

  return {
    platform: 'teams',
    async prepare(given: Given) {
      const person = (name: Person) => ({
        userId: USERS[name].aad,
        displayName: USERS[name].name,
        ...(name === 'alice' ? { installer: true } : {}),
      });
      seed = await seedGiven(t.container, given, {
        platform: 'teams',
        workspace: TENANT,
        otherWorkspace: OTHER_TENANT,
        people: { alice: person('alice'), bob: person('bob'), vera: person('vera') },
        now: () => t.clock.now(),
        advance: (ms) => t.clock.advance(ms),
      });
    },
    async perform(step: Step): Promise<Observation> {
      const as = step.as;
      switch (step.step) {
        case 'command': {
          // A bot message cannot open a dialog: a command that opens a form (a bare `list`)
          // answers with a button that does, and the person presses it.
          const before = surface;
          const offered = await say(as, step.text);
          const button =
            surface === before
              ? undefined
              : readingOrder(surface).find((e) => 'action' in e && e.action.title === 'Open the filter form');
          if (!button || !('action' in button)) return offered;
          return observe(() => fetchTask(as, button.action));
        }
        case 'timeline':
          return say(as, `timeline ${step.contact}`);
        case 'followups':
          return say(as, 'followups');
        case 'reminder':
          return observe(async () => {
            const sent = await deliverReminder(
              t.container,
              t.teams.senders.notifier,
              seed.actors[as],
              step.contact,
            );
            return { status: sent.outcome === 'attempted' && sent.status === 'sent' ? 200 : 500, body: sent };
          });
        case 'home':
          throw new Error('Teams has no App Home: the table must skip this row on Teams');
        case 'settings': {
          // A bot message cannot open a dialog: the command answers with a button that does.
          const offered = await say(as, 'settings');
          const button = readingOrder(surface).find(
            (e) => 'action' in e && e.action.title === 'Open settings',
          );
          if (!button || !('action' in button)) return offered;
          return observe(() => fetchTask(as, button.action));
        }
        case 'openLogForm':
        case 'log': {
          // The `log` command answers with a card whose button opens the log dialog.
          const offered = await say(as, 'log');
          const button = readingOrder(surface).find(
            (e) => 'action' in e && e.action.title === 'Open the log form',
          );
          if (!button || !('action' in button)) return offered;
          const opened = await observe(() => fetchTask(as, button.action));
          return step.step === 'log' && dialog
            ? openThenSubmit(as, opened, logInputs(step, dialog.card))
            : opened;
        }
        case 'older':
        case 'newer':
          return observe(() =>
            execute(as, buttonAfter(surface, undefined, step.step === 'older' ? /Older/ : /Newer/)),
          );
        case 'edit': {
          const opened = await observe(() => press(as, buttonAfter(surface, step.item, 'Edit')));
          return openThenSubmit(as, opened, {
            description: step.description,
            ...(step.at ? { date: step.at.day, time: step.at.time } : {}),
          });
        }
        case 'openEdit':
          return observe(() => press(as, buttonAfter(surface, step.item, 'Edit')));
        case 'delete': {
          const asked = await observe(() => execute(as, buttonAfter(surface, step.item, 'Delete')));
          if (!/cannot be undone/.test(asked.text)) return asked;
          return observe(() => execute(as, buttonAfter(surface, 'cannot be undone', 'Delete')));
        }
        case 'followUpDone':
          return observe(() => execute(as, buttonAfter(surface, step.contact, 'Done')));
        case 'followUpSnooze':
          return observe(() => execute(as, buttonAfter(surface, step.contact, /^Snooze/)));
        case 'followUpLog': {
          const opened = await observe(() => press(as, buttonAfter(surface, step.contact, 'Log follow-up')));
          return openThenSubmit(as, opened, { type: step.type, description: step.description });
        }
        case 'foreign':
          return observe(() => press(as, forged(step.action)));
      }
    },
  };

  /** A genuine button of ours with our ids swapped for the other workspace's, as a tampered client sends it. */
  function forged(action: 'timeline' | 'edit' | 'delete' | 'followUpDone'): CardAction {
    const title = { timeline: 'Timeline', edit: 'Edit', delete: 'Delete', followUpDone: 'Done' }[action];
    const button = buttonAfter(surface, undefined, title);
    const swapped = JSON.stringify(button.data ?? {})
      .replaceAll(seed.ownInteraction.id, seed.foreign.interactionId)
      .replaceAll(seed.ownInteraction.contactId, seed.foreign.contactId);
    return { ...button, data: JSON.parse(swapped) as Json };
  }
}
