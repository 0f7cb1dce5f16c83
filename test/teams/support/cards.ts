import { expect } from 'vitest';
import { checkActivitySize, validateTeamsCard } from '../fake-connector/index.js';
import type { StoredActivity } from '../fake-connector/types.js';

/** A card as JSON, whatever wraps it. */
export type CardJson = { body?: unknown[]; actions?: unknown[]; [key: string]: unknown };

/** The first Adaptive Card of an activity the bot sent. */
export function cardOf(activity: StoredActivity | undefined): CardJson {
  const attachment = activity?.attachments?.[0] as { contentType?: string; content?: CardJson } | undefined;
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content ?? {};
}

/** Every text of a card, in order, so tests can assert what a person would read. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label']) {
      if (typeof record[key] === 'string') parts.push(record[key] as string);
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return parts.join('\n');
}

/** Every Action.Execute / Action.Submit of a card, depth first. */
export function cardActions(
  card: unknown,
): { type: string; title?: string; verb?: string; data?: Record<string, unknown> }[] {
  const found: { type: string; title?: string; verb?: string; data?: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) {
      found.push(record as { type: string });
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return found;
}

export function action(card: unknown, title: string) {
  const found = cardActions(card).find((candidate) => candidate.title === title);
  expect(found, `a "${title}" button`).toBeDefined();
  return found as { type: string; title: string; verb?: string; data: Record<string, unknown> };
}

/** Valid Adaptive Card 1.5 for the real renderer's parser, and inside the size budget. */
export function expectValidCard(card: unknown): void {
  expect(validateTeamsCard(card)).toEqual([]);
  expect(
    checkActivitySize({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    }),
  ).toBe(true);
}

/** The card of an `adaptiveCard/action` invoke response. */
export function invokeCard(body: unknown): CardJson {
  const response = body as { statusCode?: number; type?: string; value?: CardJson };
  expect(response.type, JSON.stringify(body)).toBe('application/vnd.microsoft.card.adaptive');
  return response.value ?? {};
}

/** The dialog card of a `task/fetch` / `task/submit` continue response. */
export function dialogCard(body: unknown): CardJson {
  const response = body as { task?: { type?: string; value?: { card?: { content?: CardJson } } } };
  expect(response.task?.type, JSON.stringify(body)).toBe('continue');
  return response.task?.value?.card?.content ?? {};
}
