import { hostileText, wrongValue } from './hostile-text.js';
import type { Rng } from './random.js';

type Json = Record<string, unknown>;

/** Input ids of a card (Input.Text, Input.ChoiceSet…), with their choices when it has some. */
export function inputsOf(card: unknown): { id: string; type: string; choices: string[] }[] {
  const found: { id: string; type: string; choices: string[] }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Json;
    if (
      typeof record.type === 'string' &&
      record.type.startsWith('Input.') &&
      typeof record.id === 'string'
    ) {
      const choices = Array.isArray(record.choices)
        ? (record.choices as { value?: string }[]).map((c) => String(c.value))
        : [];
      found.push({ id: record.id, type: record.type, choices });
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return found;
}

export function inputValue(
  rng: Rng,
  input: { type: string; choices: string[] },
  known: readonly string[],
): unknown {
  if (rng.chance(0.1)) return wrongValue(rng);
  switch (input.type) {
    case 'Input.Date':
      return rng.pick([
        '2026-11-16',
        '0001-01-01',
        '1900-01-01',
        '9999-12-31',
        '2026-02-30',
        hostileText(rng),
      ]);
    case 'Input.Time':
      return rng.pick(['09:30', '23:59', '25:61', hostileText(rng)]);
    case 'Input.Toggle':
      return rng.pick(['true', 'false', 'maybe']);
    case 'Input.ChoiceSet': {
      const pool = [...input.choices, ...known];
      return pool.length > 0 && rng.chance(0.8)
        ? rng.some(pool, 3).join(',') || rng.pick(pool)
        : hostileText(rng);
    }
    default:
      return hostileText(rng);
  }
}

/** Cards in an invoke response body: adaptiveCard/action, task/fetch, message-extension results. */
export function cardsInBody(body: unknown): unknown[] {
  const b = (body ?? {}) as Json & {
    value?: unknown;
    task?: { value?: { card?: { content?: unknown } } };
    composeExtension?: { attachments?: { content?: unknown; contentType?: string }[] };
  };
  const cards: unknown[] = [];
  if (b.type === 'application/vnd.microsoft.card.adaptive' && b.value) cards.push(b.value);
  if (b.task?.value?.card?.content) cards.push(b.task.value.card.content);
  for (const a of b.composeExtension?.attachments ?? []) {
    if (a.contentType === 'application/vnd.microsoft.card.adaptive') cards.push(a.content);
  }
  return cards;
}
