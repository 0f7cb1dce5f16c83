import type { Rng } from './random.js';

/**
 * Text people (or replays) can type that has broken chat apps before: scripts in both
 * directions, invisible characters, markup of both platforms, injection-looking strings,
 * unbalanced quotes, and sizes well past every platform limit.
 */
const PIECES = [
  'Yossi Lévy',
  'שלום עולם',
  'مرحبا بالعالم',
  '\u202Egnp.exe\u202C',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Ａｃｍｅ',
  'e\u0301\u0301\u0301',
  '\uD800',
  '\u0000nul',
  '\t\r\n',
  '<@U0ALICE01>',
  '<!channel>',
  '<!here|here>',
  '@everyone',
  '<at>Alice Martin</at>',
  '*bold* _it_ ~s~ `code`',
  '```block```',
  '> quote',
  '[link](javascript:alert(1))',
  '<https://evil.test|click>',
  '<script>alert(1)</script>',
  '&lt;&amp;&gt;',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  '${process.env}',
  "' OR 1=1 --",
  '"; DROP TABLE interactions; --',
  '{"$gt": ""}',
  '$where',
  '%00%27',
  '../../etc/passwd',
  '"',
  '"open quote',
  '“smart”',
  '\\"',
  ':',
  'type:',
  'from:',
  'to:"',
  '..',
  '0000-00-00',
  '9999-12-31',
  '0001-01-01',
  '2026-02-30',
  '-1',
  'NaN',
  '1e309',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

export function hostileText(rng: Rng): string {
  switch (rng.int(0, 9)) {
    case 0:
      return '';
    case 1:
      // 10 KB and more: past every Slack and Teams text limit.
      return rng.pick(PIECES).repeat(1 + Math.floor(10_240 / Math.max(1, rng.pick(PIECES).length)));
    case 2:
      return randomUnicode(rng, rng.int(1, 40));
    default:
      return rng
        .some(PIECES, 4)
        .concat(rng.pick(PIECES))
        .join(rng.pick([' ', '', ', ', '\n']));
  }
}

/** Code points from all planes, surrogates and controls included. */
export function randomUnicode(rng: Rng, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) {
    const range = rng.pick([
      [0x20, 0x7e],
      [0x00, 0x1f],
      [0xa0, 0x2fff],
      [0xd800, 0xdfff],
      [0xe000, 0xffff],
      [0x10000, 0x10ffff],
    ] as const);
    text += String.fromCodePoint(rng.int(range[0], range[1]));
  }
  return text;
}

/** A value of any JSON type (and a few that are not), for fields that expect something else. */
export function wrongValue(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => undefined,
    () => rng.int(-1e9, 1e9),
    () => true,
    () => [],
    () => [hostileText(rng)],
    () => ({}),
    () => ({ text: 42 }),
    () => hostileText(rng),
    () => '',
    () => ({ nested: { deeper: [null] } }),
  ])();
}
