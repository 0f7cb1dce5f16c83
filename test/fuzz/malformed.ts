import { hostileText, wrongValue } from './hostile-text.js';
import type { Rng } from './random.js';

export type JsonRecord = Record<string, unknown>;

/** Every path to a value in `value`, objects and arrays included, root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

/**
 * A copy of `payload` with one to three values replaced by the wrong type, null, a hostile
 * string, or removed: what a replay, a changed client or a new platform field can send.
 */
export function malform<T>(rng: Rng, payload: T): T {
  const copy = structuredClone(payload) as unknown;
  const candidates = paths(copy);
  for (let n = rng.int(1, 3); n > 0 && candidates.length > 0; n -= 1) {
    const path = rng.pick(candidates);
    const key = path[path.length - 1] as string | number;
    // An earlier change may have removed or replaced a value on this path: then skip it.
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) {
      parent = typeof parent === 'object' && parent !== null ? (parent as JsonRecord)[step] : undefined;
    }
    if (typeof parent !== 'object' || parent === null) continue;
    const holder = parent as Record<string | number, unknown>;
    const action = rng.int(0, 3);
    if (action === 0 && !Array.isArray(parent)) delete holder[key];
    else if (action === 1) holder[key] = null;
    else if (action === 2) holder[key] = hostileText(rng);
    else holder[key] = wrongValue(rng);
  }
  return copy as T;
}
