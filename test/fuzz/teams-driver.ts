import { validateTeamsCard } from '../teams/fake-connector/index.js';
import { cardActions } from '../teams/support/cards.js';
import { personalChat, type TeamsHttpResponse, type TeamsTestApp } from '../teams/support/teams-app.js';
import { commandText } from './command-text.js';
import { hostileText } from './hostile-text.js';
import { malform } from './malformed.js';
import type { Rng } from './random.js';
import { readableTexts } from './reply-texts.js';
import { rowsOf } from './store-rows.js';
import { cardsInBody, inputsOf, inputValue } from './teams-card-inputs.js';
import type { Exchange, Surface } from './verdicts.js';

type Json = Record<string, unknown>;
const CHAT = personalChat('alice');
const DIALOGS = ['log', 'edit', 'contact.add', 'settings', 'roles'];
const OPENERS = ['timeline cohen', 'list', 'followups', 'log', 'contact add', 'help', 'settings'];

/**
 * Drives the real Teams app (useTeamsApp) with one fuzzed activity per call: messages,
 * Action.Execute invokes harvested from the cards it sent, dialogs (task/fetch then task/submit
 * filled from the dialog's own inputs), message-extension queries and actions, and type-ahead.
 */
export class TeamsFuzzDriver {
  private lastCards: unknown[] = [];

  constructor(
    private readonly teams: TeamsTestApp,
    private readonly known: () => readonly string[],
  ) {}

  async run(surface: Surface, rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    const t = this.teams;
    switch (surface) {
      case 'command': {
        // A fixed activity id: a message that wrote is redelivered as the Bot Connector retries.
        const text = commandText(rng);
        const send = () => t.message(text, { extra: { id: `fuzz-${seed}` } });
        const exchange = await this.exchange('command', 'command:grammar', seed, text, send, fault);
        if (exchange.rowsWritten > 0 && !fault) {
          const before = rowsOf(t.store.storage);
          await send();
          exchange.duplicateRows = rowsOf(t.store.storage) - before;
        }
        return exchange;
      }
      case 'action':
        return this.action(rng, seed, fault);
      case 'dialog':
        return this.dialog(rng, seed, fault);
      case 'suggestion': {
        let value: unknown = {
          queryText: hostileText(rng),
          dataset: rng.pick(['contacts', 'members', 'people', hostileText(rng)]),
          queryOptions: { top: rng.int(-5, 500), skip: 0 },
        };
        const malformed = rng.chance(0.3);
        if (malformed) value = malform(rng, value);
        const inputClass = `suggestion:${malformed ? 'malformed' : 'grammar'}`;
        return this.exchange(
          'suggestion',
          inputClass,
          seed,
          value,
          () => t.invoke('application/search', value),
          fault,
        );
      }
      default:
        return this.extension(rng, seed, fault);
    }
  }

  private async action(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    if (rng.chance(0.3) || this.executes().length === 0) await this.teams.message(rng.pick(OPENERS));
    const executes = this.executes();
    const button = executes.length > 0 ? rng.pick(executes) : { verb: hostileText(rng), data: {} };
    const data: Json = { ...(button.data ?? {}) };
    for (const input of inputsOf(this.lastCards.at(-1)))
      data[input.id] = inputValue(rng, input, this.known());
    let value: unknown = { action: { type: 'Action.Execute', verb: button.verb, data }, trigger: 'manual' };
    const malformed = rng.chance(0.3);
    if (malformed) value = malform(rng, value);
    const inputClass = `action:${String(button.verb).slice(0, 40)}:${malformed ? 'malformed' : 'grammar'}`;
    return this.exchange(
      'action',
      inputClass,
      seed,
      value,
      () => this.teams.invoke('adaptiveCard/action', value),
      fault,
    );
  }

  /** task/fetch of a dialog, then task/submit with its inputs filled; either may be malformed. */
  private async dialog(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    const dialog = rng.pick(DIALOGS);
    const fetchData: Json = { msteams: { type: 'task/fetch' }, dialog };
    if (dialog === 'edit' && this.known().length > 0) fetchData.interactionId = rng.pick(this.known());
    if (rng.chance(0.25)) {
      const value = malform(rng, { data: fetchData });
      return this.exchange(
        'dialog',
        'dialog:fetch:malformed',
        seed,
        value,
        () => this.teams.invoke('task/fetch', value),
        fault,
      );
    }
    const opened = await this.teams.invoke('task/fetch', { data: fetchData });
    const card = (opened.body as { task?: { value?: { card?: { content?: unknown } } } })?.task?.value?.card
      ?.content;
    const submit = cardActions(card).find((a) => a.type === 'Action.Submit' && a.data)?.data ?? { dialog };
    const data: Json = { ...submit };
    for (const input of inputsOf(card))
      if (!rng.chance(0.1)) data[input.id] = inputValue(rng, input, this.known());
    let value: unknown = { data };
    const malformed = rng.chance(0.3);
    if (malformed) value = malform(rng, value);
    const inputClass = `dialog:${dialog}:${malformed ? 'malformed' : 'grammar'}`;
    const exchange = await this.exchange(
      'dialog',
      inputClass,
      seed,
      value,
      () => this.teams.invoke('task/submit', value),
      fault,
    );
    if (exchange.rowsWritten > 0 && !fault) {
      // The same submit delivered twice (a client retry): nothing may be added.
      const before = rowsOf(this.teams.store.storage);
      await this.teams.invoke('task/submit', value);
      exchange.duplicateRows = rowsOf(this.teams.store.storage) - before;
    }
    return exchange;
  }

  private async extension(rng: Rng, seed: number, fault?: string): Promise<Exchange> {
    const kind = rng.pick(['query', 'query', 'fetchTask', 'submitAction'] as const);
    let value: unknown =
      kind === 'query'
        ? {
            commandId: rng.chance(0.9) ? 'findContact' : hostileText(rng),
            parameters: [{ name: 'query', value: hostileText(rng) }],
            queryOptions: { skip: rng.int(-1, 10), count: rng.int(-1, 100) },
          }
        : kind === 'fetchTask'
          ? {
              commandId: 'logInteraction',
              commandContext: 'message',
              messagePayload: {
                id: '1',
                body: { contentType: rng.pick(['html', 'text']), content: hostileText(rng) },
              },
            }
          : {
              commandId: 'logInteraction',
              data: {
                key: hostileText(rng),
                contacts: this.known().length ? rng.pick(this.known()) : '',
                type: 'Note',
                description: hostileText(rng),
                date: '2026-11-16',
                time: '08:00',
              },
            };
    const malformed = rng.chance(0.3);
    if (malformed) value = malform(rng, value);
    const inputClass = `extension:${kind}:${malformed ? 'malformed' : 'grammar'}`;
    const name = `composeExtension/${kind}`;
    return this.exchange('extension', inputClass, seed, value, () => this.teams.invoke(name, value), fault);
  }

  private executes(): { verb?: string; data?: Json }[] {
    const sent = this.teams.connector.messages(CHAT, 5);
    const cards = [
      ...sent.flatMap((a) => (a.attachments ?? []).map((x) => (x as { content?: unknown }).content)),
      ...this.lastCards,
    ];
    return cards.flatMap((card) => cardActions(card).filter((a) => a.type === 'Action.Execute'));
  }

  /** A one-line log with a description nobody else uses, for outage probes. */
  logLine(description: string, seed: number, fault: string): Promise<Exchange> {
    const text = `log Cohen Call "${description}"`;
    return this.exchange('command', `command:${fault}`, seed, text, () => this.teams.message(text), fault);
  }

  private async exchange(
    surface: Surface,
    inputClass: string,
    seed: number,
    sent: unknown,
    send: () => Promise<TeamsHttpResponse>,
    fault?: string,
  ): Promise<Exchange> {
    const connector = this.teams.connector;
    const callsBefore = connector.calls.length;
    const sentBefore = connector.sentCount();
    const rowsBefore = rowsOf(this.teams.store.storage);
    let response: TeamsHttpResponse | undefined;
    let transportError: string | undefined;
    try {
      response = await send();
    } catch (error) {
      transportError = String(error);
    }
    const activities = connector.sent(sentBefore);
    const calls = connector.calls.slice(callsBefore);
    const cards = cardsInBody(response?.body);
    if (cards.length > 0) this.lastCards = cards;
    const body = response?.body;
    const bodyAnswers = typeof body === 'object' && body !== null && Object.keys(body).length > 0;
    const invalid = [
      ...cards.flatMap((card) => validateTeamsCard(card).map((e) => `invoke card: ${e}`)),
      ...calls
        .filter((call) => call.status === 400 || call.status === 413)
        .map((call) => `connector ${call.status}: ${JSON.stringify(call.body).slice(0, 200)}`),
    ];
    return {
      platform: 'teams',
      surface,
      inputClass,
      seed,
      sent,
      status: response?.status ?? 0,
      replies: [...readableTexts(body), ...activities.flatMap((a) => readableTexts(a))],
      // An outbound call the fake refused by an injected fault still shows the app tried to answer.
      answered:
        bodyAnswers || activities.length > 0 || (fault !== undefined && calls.some((c) => c.status >= 429)),
      invalidMessages: invalid,
      rowsWritten: rowsOf(this.teams.store.storage) - rowsBefore,
      ...(fault ? { fault } : {}),
      ...(transportError ? { transportError } : {}),
      ...(isTransportRefusal(response) ? { transportRefusal: true } : {}),
    };
  }
}

/** /api/messages refusing the body itself (over 100 kB, JSON cut short): a 400 or 413 with a JSON reason. */
function isTransportRefusal(response: TeamsHttpResponse | undefined): boolean {
  if (response?.status !== 400 && response?.status !== 413) return false;
  const body = response.body;
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
}
