import { CallbackId } from '../../src/adapters/slack/ids.js';
import {
  blockActionsPayload,
  blockSuggestionPayload,
  FAKE_DEFAULTS,
  globalShortcutPayload,
  messageShortcutPayload,
  type RecordedCall,
  type SlackHttpResponse,
  type StoredView,
  validateMessageBlocks,
  validateView,
  viewSubmissionPayload,
} from '../slack/fake-slack/index.js';
import type { SlackTestApp } from '../slack/support/slack-app.js';
import { commandText } from './command-text.js';
import { hostileText } from './hostile-text.js';
import { malform } from './malformed.js';
import type { Rng } from './random.js';
import { readableTexts } from './reply-texts.js';
import { actionElementsOf, actionFor, inputsOf, stateValuesFor } from './slack-state-values.js';
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
      case 'command': {
        const text = commandText(rng);
        return this.exchange('command', 'command:grammar', seed, text, () => this.slack.command(text), fault);
      }
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
    const inputClass = `form:${callbackId}:${malformed ? 'malformed' : 'grammar'}`;
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
    const sources = this.actionSources();
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
    if (!this.topView()) await this.slack.command('log');
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
    };
  }
}

/** Errors only a malformed message or view earns (not auth, not rate limits). */
const VALIDATION_ERRORS =
  /invalid_blocks|invalid_arguments|msg_too_long|msg_blocks_too_long|no_text|invalid_blocks_format/;

function invalidCalls(calls: RecordedCall[]): string[] {
  return calls
    .filter((call) => !call.ok && call.error && VALIDATION_ERRORS.test(call.error))
    .map((call) =>
      `${call.method}: ${call.error} ${JSON.stringify(call.response.errors ?? '')}`.slice(0, 400),
    );
}

/** A view or blocks the app put in its HTTP answer, checked with the fake's Block Kit validator. */
function invalidBody(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const problems: string[] = [];
  if (record.view !== undefined) {
    const verdict = validateView(record.view);
    if (!verdict.ok) problems.push(`ack view: ${verdict.error} ${verdict.errors?.join('; ')}`);
  }
  if (record.blocks !== undefined) {
    const verdict = validateMessageBlocks(record.blocks);
    if (!verdict.ok) problems.push(`ack blocks: ${verdict.error} ${verdict.errors?.join('; ')}`);
  }
  return problems;
}
