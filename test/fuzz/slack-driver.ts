import { CallbackId } from '../../src/adapters/slack/ids.js';
import {
  blockActionsPayload,
  blockSuggestionPayload,
  FAKE_DEFAULTS,
  globalShortcutPayload,
  messageShortcutPayload,
  type SlackHttpResponse,
  type StoredView,
  sendSlashCommand,
  viewSubmissionPayload,
} from '../slack/fake-slack/index.js';
import { SIGNING_SECRET, type SlackTestApp } from '../slack/support/slack-app.js';
import { commandText } from './command-text.js';
import { hostileText } from './hostile-text.js';
import { malform } from './malformed.js';
import type { Rng } from './random.js';
import { readableTexts } from './reply-texts.js';
import { namesNoSurface } from './slack-no-surface.js';
import { actionElementsOf, actionFor, inputsOf, stateValuesFor } from './slack-state-values.js';
import { invalidBody, invalidCalls } from './slack-validity.js';
import { rowsOf } from './store-rows.js';
import type { Exchange, Surface } from './verdicts.js';

const ALICE = FAKE_DEFAULTS.users.alice;
const GENERAL = FAKE_DEFAULTS.channels.general;
/** Calls a person sees the result of; lookups (users.info…) are not answers. */
const VISIBLE = /^(chat\.|views\.|files\.|response_url$|file_upload$)/;
/** Commands that open a form, so submissions target a modal the app really rendered. */
const FORM_OPENERS = [
  'log',
  'log Cohen',
  'contact add',
  'list',
  'export',
  'settings',
  'contact import',
  'contact find Cohen',
];

const FORM_CALLBACKS = [
  CallbackId.logForm,
  CallbackId.editForm,
  CallbackId.deleteConfirm,
  CallbackId.contactForm,
  CallbackId.contactImport,
  CallbackId.filterForm,
  CallbackId.settingsForm,
];

type Send = () => Promise<SlackHttpResponse>;

/**
 * Drives the real Bolt app (useSlackApp) with one fuzzed input per call and reports what the
 * person got. `known` holds ids the store really has (contacts), so forged options are a mix
 * of real and invented ids.
 */
export class SlackFuzzDriver {
  constructor(
    private readonly slack: SlackTestApp,
    private readonly known: () => readonly string[],
  ) {}

  async run(surface: Surface, rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    switch (surface) {
      case 'command':
        return this.command(commandText(rng), seed, fault);
      case 'form':
        return this.form(rng, seed, fault);
      case 'action':
        return this.action(rng, seed, fault);
      case 'suggestion':
        return this.suggestion(rng, seed, fault);
      default:
        return this.shortcut(rng, seed, fault);
    }
  }

  /** A command; one that wrote is redelivered with the same trigger_id, as Slack's retry does. */
  private async command(text: string, seed: number, fault?: string): Promise<Exchange> {
    const fake = this.slack.fake;
    const fields = {
      command: '/interaction',
      text,
      user_id: ALICE,
      channel_id: GENERAL,
      trigger_id: fake.issueTriggerId({ userId: ALICE }),
      response_url: fake.responseUrl(GENERAL, ALICE),
    };
    const send = () => sendSlashCommand(this.slack.url, SIGNING_SECRET, fields);
    const exchange = await this.exchange('command', 'command:grammar', seed, text, send, fault);
    if (exchange.rowsWritten > 0 && !fault) {
      const before = rowsOf(this.slack.store.storage);
      await sendSlashCommand(this.slack.url, SIGNING_SECRET, fields, {
        headers: { 'x-slack-retry-num': '1' },
      });
      await this.slack.settled();
      exchange.duplicateRows = rowsOf(this.slack.store.storage) - before;
    }
    return exchange;
  }

  /** Opens a real form, then submits it with fuzzed values; sometimes malformed; sometimes twice. */
  private async form(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    for (const view of this.slack.fake.openViews(ALICE)) this.slack.fake.closeView(view.id);
    if (rng.chance(0.2)) {
      await this.slack.interact(
        globalShortcutPayload({ fake: this.slack.fake, callbackId: CallbackId.logShortcut }),
      );
    } else {
      await this.slack.command(rng.pick(FORM_OPENERS));
    }
    const view = this.topView();
    const callbackId = view ? String(view.definition.callback_id ?? '') : rng.pick(FORM_CALLBACKS);
    let payload: object = viewSubmissionPayload({
      fake: this.slack.fake,
      ...(view ? { view } : { callbackId }),
      values: view ? stateValuesFor(rng, view, this.known()) : {},
    });
    const malformed = rng.chance(0.3);
    if (malformed) payload = malform(rng, payload);
    // No modal opened (the opener answered in a message): a submission of a view the app never
    // rendered, with no state at all, is a malformed payload too.
    const inputClass = `form:${callbackId}:${malformed || !view ? 'malformed' : 'grammar'}`;
    const exchange = await this.exchange(
      'form',
      inputClass,
      seed,
      payload,
      () => this.slack.interact(payload),
      fault,
    );
    if (exchange.rowsWritten > 0 && !fault) {
      // Slack can deliver a submission twice (a retry after a slow ack): nothing may be added.
      const before = rowsOf(this.slack.store.storage);
      await this.slack.interact(payload);
      exchange.duplicateRows = rowsOf(this.slack.store.storage) - before;
    }
    return exchange;
  }

  private async action(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    // Mostly elements the app rendered; now and then an id it never rendered (a forged payload).
    const sources = rng.chance(0.05)
      ? []
      : this.actionSources().filter((candidate) => actionElementsOf(candidate.blocks).length > 0);
    const source = sources.length > 0 ? rng.pick(sources) : undefined;
    const elements = source ? actionElementsOf(source.blocks) : [];
    const target = elements.length > 0 ? rng.pick(elements) : undefined;
    const action = target
      ? actionFor(rng, target.blockId, target.element, this.known())
      : { type: 'button', action_id: hostileText(rng), block_id: 'x', value: hostileText(rng) };
    let payload: object = blockActionsPayload(
      {
        fake: this.slack.fake,
        ...(source?.view ? { view: source.view } : { channelId: source?.channel ?? GENERAL }),
        ...(source?.ts ? { messageTs: source.ts } : {}),
      },
      { actions: [action as never] },
    );
    const malformed = rng.chance(0.3);
    if (malformed) payload = malform(rng, payload);
    const actionId = String((action as { action_id?: unknown }).action_id ?? '').slice(0, 40);
    const inputClass = `action:${target ? actionId : 'forged-id'}:${malformed ? 'malformed' : 'grammar'}`;
    const exchange = await this.exchange(
      'action',
      inputClass,
      seed,
      payload,
      () => this.slack.interact(payload),
      fault,
    );
    // A select changed inside a modal is acknowledged and the modal stays as it is: that is its answer.
    if (source?.view && target && target.element.type !== 'button' && exchange.status === 200)
      exchange.answered = true;
    return exchange;
  }

  private async suggestion(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    const hasSelect = (view?: StoredView) =>
      view !== undefined &&
      inputsOf(view).some(({ element }) => String(element.type).includes('external_select'));
    if (!hasSelect(this.topView())) {
      for (const open of this.slack.fake.openViews(ALICE)) this.slack.fake.closeView(open.id);
      await this.slack.command('log');
    }
    const view = this.topView();
    const selects = view
      ? inputsOf(view).filter(({ element }) => String(element.type).includes('external_select'))
      : [];
    const target = selects.length > 0 ? rng.pick(selects) : undefined;
    let payload: object = blockSuggestionPayload({
      fake: this.slack.fake,
      actionId: String(target?.element.action_id ?? hostileText(rng)),
      blockId: target?.blockId ?? 'x',
      value: hostileText(rng),
      ...(view ? { view } : {}),
    });
    const malformed = rng.chance(0.2);
    if (malformed) payload = malform(rng, payload);
    const inputClass = `suggestion:${target ? '' : 'forged-id:'}${malformed ? 'malformed' : 'grammar'}`;
    return this.exchange('suggestion', inputClass, seed, payload, () => this.slack.interact(payload), fault);
  }

  /** Slack's message-extension counterpart: the global and the message shortcut. */
  private async shortcut(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    const fake = this.slack.fake;
    for (const view of fake.openViews(ALICE)) fake.closeView(view.id);
    let payload: object = rng.chance(0.3)
      ? globalShortcutPayload({ fake, callbackId: CallbackId.logShortcut })
      : messageShortcutPayload({
          fake,
          callbackId: CallbackId.logMessageShortcut,
          message: { type: 'message', ts: '1700000000.000200', user: 'U0BOB0001', text: hostileText(rng) },
        });
    const malformed = rng.chance(0.2);
    if (malformed) payload = malform(rng, payload);
    const inputClass = `shortcut:${malformed ? 'malformed' : 'grammar'}`;
    return this.exchange('shortcut', inputClass, seed, payload, () => this.slack.interact(payload), fault);
  }

  private topView(): StoredView | undefined {
    const open = this.slack.fake.openViews(ALICE);
    return open[open.length - 1];
  }

  private actionSources(): { blocks: unknown; view?: StoredView; channel?: string; ts?: string }[] {
    const fake = this.slack.fake;
    // A DM's messages are listed by user id; payloads carry the IM channel's own id.
    const channelOf = (where: string) => (where === ALICE ? fake.imChannel(ALICE) : where);
    const messages = [GENERAL, ALICE].flatMap((channel) =>
      fake
        .messages(channel)
        .slice(-5)
        .map((m) => ({ blocks: m.blocks, channel: channelOf(channel), ts: m.ts })),
    );
    const ephemerals = [GENERAL, ALICE].flatMap((channel) =>
      fake
        .ephemeralMessages(channel)
        .slice(-5)
        .map((m) => ({ blocks: m.blocks, channel: channelOf(channel) })),
    );
    const views = fake.openViews(ALICE).map((view) => ({ blocks: view.definition.blocks, view }));
    const home = fake.homeView(ALICE);
    return [
      ...messages,
      ...ephemerals,
      ...views,
      ...(home ? [{ blocks: home.definition.blocks, view: home }] : []),
    ];
  }

  /** A one-line log with a description nobody else uses, for outage probes. */
  logLine(description: string, seed: number, fault: string): Promise<Exchange> {
    const text = `log Cohen Call "${description}"`;
    return this.exchange('command', `command:${fault}`, seed, text, () => this.slack.command(text), fault);
  }

  private async exchange(
    surface: Surface,
    inputClass: string,
    seed: number,
    sent: unknown,
    send: Send,
    fault?: string,
  ): Promise<Exchange> {
    const callsBefore = this.slack.fake.calls.length;
    const rowsBefore = rowsOf(this.slack.store.storage);
    let response: SlackHttpResponse | undefined;
    let transportError: string | undefined;
    try {
      response = await send();
    } catch (error) {
      transportError = String(error);
    }
    // The HTTP answer is only the ack: a command's reply (and most answers) follows it, so read
    // what the person got once the app has finished (a raw sendSlashCommand does not wait).
    await this.slack.settled();
    const calls = this.slack.fake.calls.slice(callsBefore);
    const visible = calls.filter((call) => VISIBLE.test(call.method));
    const body = response?.body;
    const bodyAnswers =
      typeof body === 'object' && body !== null ? Object.keys(body).length > 0 : Boolean(body);
    return {
      platform: 'slack',
      surface,
      inputClass,
      seed,
      sent,
      status: response?.status ?? 0,
      replies: [...readableTexts(body), ...visible.flatMap((call) => readableTexts(call.args))],
      // A call the fake refused by injected fault still shows the app tried to answer.
      answered: bodyAnswers || visible.some((call) => call.ok || fault !== undefined),
      invalidMessages: [...invalidCalls(calls), ...invalidBody(body)],
      rowsWritten: rowsOf(this.slack.store.storage) - rowsBefore,
      ...(fault ? { fault } : {}),
      ...(transportError ? { transportError } : {}),
      ...(namesNoSurface(sent) ? { noSurface: true } : {}),
    };
  }
}
