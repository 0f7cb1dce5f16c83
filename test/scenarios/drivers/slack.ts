import { createSlackReminderNotifier } from '../../../src/adapters/slack/notifiers/slack-reminder-notifier.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  eventEnvelope,
  FAKE_DEFAULTS,
  type JsonObject,
  type SlackHttpResponse,
  type StoredView,
  viewSubmissionPayload,
  webClientFor,
} from '../../slack/fake-slack/index.js';
import { useSlackApp } from '../../slack/support/slack-app.js';
import type { Driver, Given, Observation, Person, Step } from '../scenario.js';
import { type CoreSeed, deliverReminder, seedGiven } from './seed.js';
import { markOf, outcomeSince, type Surface } from './slack-outcome.js';
import {
  blockIndexMentioning,
  blocksOf,
  buttonLabelled,
  elementsOf,
  type FieldValue,
  firstChoice,
  optionLabelled,
  pickInModal,
  submittedState,
  textOf,
} from './slack-surfaces.js';

const GENERAL = FAKE_DEFAULTS.channels.general;

/**
 * The scenario driver for Slack: the real Bolt app over HTTP with signed requests, the fake
 * Slack Web API recording every call the app makes. What the person saw is read from those
 * calls (ephemeral messages, posts, DMs, modals) and the files they were sent.
 */
export function useSlackDriver(): Driver {
  // As in production: Bolt answers Slack as soon as the listener acknowledges, and the
  // listener's work goes on after the HTTP response. The driver waits for that work to end.
  const slack = useSlackApp({ processBeforeResponse: false });
  const running = new Set<Promise<unknown>>();
  let seed: CoreSeed;
  const users: Record<Person, string> = {
    alice: FAKE_DEFAULTS.users.alice,
    bob: FAKE_DEFAULTS.users.bob,
    vera: '',
  };
  let surface: Surface | undefined;

  /** Runs `act` and gathers everything the app showed because of it, once its work has ended. */
  async function observe(act: () => Promise<SlackHttpResponse>): Promise<Observation> {
    const mark = markOf(slack.fake);
    const response = await act();
    await settled();
    const outcome = outcomeSince(slack.fake, mark, response);
    if (outcome.surface) surface = outcome.surface;
    return outcome.observation;
  }

  /** Every event the app is still processing (what happens after the ack), to its end. */
  async function settled(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running]);
  }

  const command = (as: Person, text: string) => observe(() => slack.command(text, { user: users[as] }));

  /** A click on a button or a choice in the last surface, as Slack sends it. */
  function click(as: Person, block: JsonObject, element: JsonObject, option?: JsonObject) {
    if (!surface) throw new Error('Nothing on screen to click');
    const at = surface;
    const action = option
      ? {
          type: String(element.type),
          action_id: String(element.action_id),
          block_id: String(block.block_id),
          selected_option: option,
          action_ts: '1.000001',
        }
      : {
          type: 'button',
          action_id: String(element.action_id),
          block_id: String(block.block_id),
          value: String(element.value ?? ''),
          text: element.text,
          action_ts: '1.000001',
        };
    const where = at.home
      ? { view: at.home }
      : { channelId: at.channel, ...(at.ts ? { messageTs: at.ts } : {}) };
    return slack.interact(
      blockActionsPayload(
        { fake: slack.fake, userId: users[as], ...where },
        // Overflow and select choices have no factory of their own: the action is Slack's shape as-is.
        { actions: [action] as never },
      ),
    );
  }

  const openModal = (as: Person): StoredView | undefined => slack.fake.openViews(users[as]).at(-1);

  async function submitModal(as: Person, view: StoredView, set: Record<string, FieldValue>) {
    return observe(() =>
      slack.interact(
        viewSubmissionPayload({
          fake: slack.fake,
          userId: users[as],
          view,
          values: submittedState(view, set),
        }),
      ),
    );
  }

  /** Opens a form with `open`; when one opened, submits it and reports that; else what opening said. */
  async function openThenSubmit(
    as: Person,
    open: () => Promise<SlackHttpResponse>,
    set: Record<string, FieldValue>,
    /** Choices the form reacts to at once (it changes before the rest is filled in). */
    picks: Record<string, string> = {},
  ) {
    const before = openModal(as)?.id;
    const opened = await observe(open);
    let view = openModal(as);
    if (!view || view.id === before) return opened;
    for (const [label, wanted] of Object.entries(picks)) {
      const { values, action } = pickInModal(view, label, wanted);
      await slack.interact(
        blockActionsPayload(
          { fake: slack.fake, userId: users[as], view, values },
          { actions: [action] as never },
        ),
      );
      await settled();
      view = openModal(as) ?? view;
    }
    return submitModal(as, view, set);
  }

  const itemRow = (words: string) => {
    const blocks = blocksOf(surface);
    const index = blockIndexMentioning(blocks, words);
    if (index < 0) throw new Error(`"${words}" is not on screen: ${textOf(blocks).slice(0, 400)}`);
    return { blocks, index };
  };

  function itemMenu(as: Person, description: string, choice: 'Edit' | 'Delete') {
    const { blocks, index } = itemRow(description);
    const { block, element, option } = optionLabelled(blocks, choice, index);
    return () => click(as, block, element, option);
  }

  const logFields = (step: Extract<Step, { step: 'log' }>) => ({
    Contacts: step.contacts.map((name) => seed.contactId(name)),
    ...(step.newType ? { Type: 'Other…', 'New type': step.type } : { Type: step.type }),
    Description: step.description,
    ...(step.followUp ? { 'Follow-up date': step.followUp.day, 'Follow-up time': step.followUp.time } : {}),
    ...(step.at ? { Date: step.at.day, Time: step.at.time } : {}),
  });

  return {
    platform: 'slack',
    async prepare(given: Given) {
      // Bolt's receivers call processEvent for each request; tracking it tells when the
      // listener has finished, without guessing with a timer. Behaviour is unchanged.
      const app = slack.app;
      const processEvent = app.processEvent.bind(app);
      app.processEvent = (event) => {
        const work = processEvent(event);
        running.add(work);
        const done = () => running.delete(work);
        work.then(done, done);
        return work;
      };
      const vera = slack.fake.addUser({ name: 'vera', realName: 'Vera Viewer' });
      slack.fake.addMember(GENERAL, vera.id);
      users.vera = vera.id;
      seed = await seedGiven(slack.container, given, {
        platform: 'slack',
        workspace: FAKE_DEFAULTS.teamId,
        otherWorkspace: 'T0OTHER',
        people: {
          alice: { userId: users.alice, displayName: 'alice', facts: { platformAdmin: true } },
          bob: { userId: users.bob, displayName: 'bob' },
          vera: { userId: vera.id, displayName: 'vera' },
        },
        now: () => slack.clock.now(),
        advance: (ms) => slack.clock.advance(ms),
      });
    },
    async perform(step: Step): Promise<Observation> {
      const as = step.as;
      switch (step.step) {
        case 'command':
          return command(as, step.text);
        case 'timeline':
          return command(as, `timeline ${step.contact}`);
        case 'followups':
          return command(as, 'followups');
        case 'reminder': {
          const notifier = createSlackReminderNotifier({
            clientFor: async () => webClientFor(slack.fake),
            logger: silentLogger,
          });
          return observe(async () => {
            const sent = await deliverReminder(slack.container, notifier, seed.actors[as], step.contact);
            return {
              status: sent.outcome === 'attempted' && sent.status === 'sent' ? 200 : 500,
              body: sent,
              headers: {},
            };
          });
        }
        case 'home':
          return observe(() =>
            slack.event(
              eventEnvelope(appHomeOpenedEvent({ fake: slack.fake, userId: users[as] }), {
                fake: slack.fake,
              }),
            ),
          );
        case 'settings':
          return command(as, 'settings');
        case 'openLogForm':
          return command(as, 'log');
        case 'log':
          return openThenSubmit(
            as,
            () => slack.command('log', { user: users[as] }),
            logFields(step),
            step.newType ? { Type: 'Other…' } : {},
          );
        case 'older':
        case 'newer': {
          const { block, element } = buttonLabelled(
            blocksOf(surface),
            step.step === 'older' ? /Older/ : /Newer/,
          );
          return observe(() => click(as, block, element));
        }
        case 'edit':
          return openThenSubmit(as, itemMenu(as, step.item, 'Edit'), {
            Description: step.description,
            ...(step.at ? { Date: step.at.day, Time: step.at.time } : {}),
          });
        case 'openEdit':
          return observe(itemMenu(as, step.item, 'Edit'));
        case 'delete':
          return openThenSubmit(as, itemMenu(as, step.item, 'Delete'), {});
        case 'followUpDone': {
          const { blocks, index } = itemRow(step.contact);
          const { block, element } = buttonLabelled(blocks, 'Done', index);
          return observe(() => click(as, block, element));
        }
        case 'followUpSnooze': {
          const { blocks, index } = itemRow(step.contact);
          // A button on the reminder DM, a choice in the list's select.
          const onReminder = blocks
            .slice(index)
            .some((block) =>
              elementsOf(block).some((e) => e.type === 'button' && textOf(e.text) === 'Snooze 1 hour'),
            );
          if (onReminder) {
            const { block, element } = buttonLabelled(blocks, 'Snooze 1 hour', index);
            return observe(() => click(as, block, element));
          }
          const { block, element, option } = firstChoice(blocks, index);
          return observe(() => click(as, block, element, option));
        }
        case 'followUpLog': {
          const { blocks, index } = itemRow(step.contact);
          const { block, element } = buttonLabelled(blocks, 'Log the follow-up', index);
          return openThenSubmit(as, () => click(as, block, element), {
            Type: step.type,
            Description: step.description,
          });
        }
        case 'foreign':
          return observe(() => forged(as, step.action));
      }
    },
  };

  /**
   * A click whose payload names the other workspace's record: the value of a genuine button
   * of ours, with our id swapped for theirs, as a tampered client would send it.
   */
  function forged(as: Person, action: 'timeline' | 'edit' | 'delete' | 'followUpDone') {
    const own = seed.ownInteraction;
    const foreign = seed.foreign;
    if (!surface) throw new Error('Nothing on screen to tamper with');
    const swap = (value: unknown) =>
      String(value ?? '')
        .replaceAll(own.id, foreign.interactionId)
        .replaceAll(own.contactId, foreign.contactId);
    const blocks = blocksOf(surface);
    const pickAction = () => {
      if (action === 'edit' || action === 'delete') {
        const { block, element, option } = optionLabelled(blocks, action === 'edit' ? 'Edit' : 'Delete');
        return {
          block,
          element: { ...element, action_id: swap(element.action_id) },
          option: { ...option, value: swap(option.value) },
        };
      }
      const label = action === 'timeline' ? 'Open timeline' : 'Done';
      const { block, element } = buttonLabelled(blocks, label);
      return {
        block,
        element: { ...element, action_id: swap(element.action_id), value: swap(element.value) },
        option: undefined,
      };
    };
    const { block, element, option } = pickAction();
    return click(as, block, element, option);
  }
}
