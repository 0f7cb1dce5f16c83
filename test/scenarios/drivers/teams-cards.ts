import { cardText } from '../../teams/support/cards.js';
import { NotOffered } from '../scenario.js';

/**
 * Reading Teams cards the way a person does: texts and button titles in reading order, choice
 * titles rather than their values, so the driver keeps working whatever the adapter's ids.
 */

export type Json = Record<string, unknown>;
export const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null;
export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export interface CardAction {
  type: string;
  title?: string;
  verb?: string;
  data?: Json;
}

/** A card in reading order: its texts and its buttons, so "the Done button under Ann's row" can be found. */
export function readingOrder(card: unknown): ({ text: string } | { action: CardAction })[] {
  const out: ({ text: string } | { action: CardAction })[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isJson(node)) return;
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) {
      out.push({ action: node as unknown as CardAction });
      return;
    }
    if (typeof node.text === 'string') out.push({ text: node.text });
    for (const [key, value] of Object.entries(node))
      if (key !== 'text' && typeof value === 'object') walk(value);
  };
  walk(card);
  return out;
}

/** The first button titled `title` (or matching it) after the first text mentioning `words`. */
export function buttonAfter(card: unknown, words: string | undefined, title: string | RegExp): CardAction {
  const entries = readingOrder(card);
  const start =
    words === undefined ? 0 : entries.findIndex((entry) => 'text' in entry && entry.text.includes(words));
  if (start < 0) throw new Error(`"${words}" is not on the card: ${cardText(card).slice(0, 400)}`);
  const matches = (text = '') => (typeof title === 'string' ? text === title : title.test(text));
  for (const entry of entries.slice(start))
    if ('action' in entry && matches(entry.action.title)) return entry.action;
  throw new NotOffered(`No "${String(title)}" button after "${words}": ${cardText(card).slice(0, 400)}`);
}

/** The value behind a choice the person reads (`title`) in the dialog's choice set `id`. */
export function choiceValue(card: unknown, id: string, title: string | RegExp): string {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isJson(node)) return;
    if (node.type === 'Input.ChoiceSet' && node.id === id && Array.isArray(node.choices)) {
      const matches = (text: unknown) =>
        typeof text === 'string' && (typeof title === 'string' ? text === title : title.test(text));
      const choice = node.choices.filter(isJson).find((candidate) => matches(candidate.title));
      if (choice) found = String(choice.value);
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  if (found === undefined) throw new NotOffered(`No "${String(title)}" choice in ${id}`);
  return found;
}

/** The dialog's inputs as the client would send them: what they show, plus what the person set. */
export function dialogInputs(card: unknown, set: Record<string, string>): Json {
  const values: Json = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isJson(node)) return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') {
      if (node.value !== undefined) values[node.id] = String(node.value);
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  const unknown = Object.keys(set).filter(
    (id) => !(id in values) && !JSON.stringify(card).includes(`"id":"${id}"`),
  );
  if (unknown.length > 0) throw new Error(`The dialog has no input ${unknown.join(', ')}`);
  return { ...values, ...set };
}

export function cardsOf(activity: Json): unknown[] {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments.filter(isJson) : [];
  return attachments.filter((a) => a.contentType === ADAPTIVE).map((a) => a.content);
}
