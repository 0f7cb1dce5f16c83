import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { createCsvEncoder } from '../../../src/infra/csv/csv-encoder.js';

async function encoded(header: string[], batches: string[][][], chunkSize?: number): Promise<string> {
  async function* source() {
    yield* batches;
  }
  const encoder = createCsvEncoder(chunkSize === undefined ? {} : { chunkSize });
  let text = '';
  for await (const piece of encoder.encode(header, source())) text += String(piece);
  return text;
}

/** What the encoder replaced: csv-stringify with its default options, BOM first. */
const reference = (header: string[], rows: string[][]) =>
  stringify([header], { bom: true }) + stringify(rows);

/** A small seeded generator, so a failure names a case that can be run again. */
function randomCells(seed: number, count: number): string[] {
  const alphabet = ['a', 'Z', ' ', ',', '"', "'", '\r', '\n', '\t', '=', '-', 'é', '€', '😀', ';', '\\'];
  let state = seed >>> 0;
  // mulberry32: every bit of it varies, unlike the low bits of a plain LCG.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (mixed ^ (mixed >>> 14)) >>> 0;
  };
  return Array.from({ length: count }, () => {
    const length = next() % 7;
    let cell = '';
    for (let index = 0; index < length; index++) cell += alphabet[next() % alphabet.length];
    return cell;
  });
}

describe('the CSV encoder', () => {
  it('writes exactly the bytes csv-stringify writes, for cells with every character that matters', async () => {
    const header = ['Created', 'Contact name', 'Note, with comma', 'Say "hi"'];
    const rows = [
      ['', 'plain', 'a,b', 'say "x"'],
      ['line\nbreak', 'carriage\rreturn', 'both\r\n', '"'],
      [' lead', 'trail ', '=1+2', "'quoted'"],
      ['Lévy', '€ 12', '😀', ''],
      ['', '', '', ''],
    ];
    expect(await encoded(header, [rows.slice(0, 2), [], rows.slice(2)])).toBe(reference(header, rows));
  });

  it('matches csv-stringify on thousands of random cells, whatever the batch and chunk sizes', async () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      const cells = randomCells(seed, 4_000);
      const rows = Array.from({ length: 400 }, (_, row) => cells.slice(row * 10, row * 10 + 10));
      const batches = [rows.slice(0, 1), rows.slice(1, 150), rows.slice(150)];
      const header = randomCells(seed + 1, 10);
      expect(await encoded(header, batches, 100)).toBe(reference(header, rows));
      expect(await encoded(header, batches)).toBe(reference(header, rows));
    }
  });

  it('stops pulling rows when the reader stops', async () => {
    let pulled = 0;
    async function* source() {
      for (let batch = 0; batch < 100; batch++) {
        pulled++;
        yield [['x'.repeat(1_000)]];
      }
    }
    for await (const _piece of createCsvEncoder({ chunkSize: 1_000 }).encode(['h'], source())) break;
    expect(pulled).toBeLessThan(3);
  });
});
