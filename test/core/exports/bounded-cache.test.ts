import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../src/core/exports/bounded-cache.js';

describe('BoundedCache', () => {
  it('never holds more than its capacity, dropping the least recently used entry', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // "a" is now the most recently used
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('keeps null values, so a known-missing key is not looked up again', () => {
    const cache = new BoundedCache<string, string | null>(3);
    cache.set('deleted', null);
    expect(cache.has('deleted')).toBe(true);
    expect(cache.get('deleted')).toBeNull();
    expect(cache.get('unknown')).toBeUndefined();
  });
});
