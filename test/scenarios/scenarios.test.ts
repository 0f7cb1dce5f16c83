import { beforeAll, describe, expect, it } from 'vitest';
import { useSlackDriver } from './drivers/slack.js';
import { useTeamsDriver } from './drivers/teams.js';
import {
  type Driver,
  type Expectation,
  NotOffered,
  type Observation,
  type Platform,
  type Row,
  type Step,
  type Table,
} from './scenario.js';
import { TABLES } from './tables/index.js';

/**
 * Every scenario table, run on Slack and on Teams over HTTP against the real apps, the
 * production container and the default store. A row marked `todo` for a platform must fail
 * there (a known gap); once it passes, vitest says so and the mark must go.
 */
const DRIVERS: [Platform, () => Driver][] = [
  ['slack', useSlackDriver],
  ['teams', useTeamsDriver],
];

/** Every description the table writes or reads: the vocabulary `items` are recognised by. */
function descriptionsOf(table: Table): string[] {
  const known = new Set<string>();
  for (const item of table.given.interactions ?? []) known.add(item.description);
  if (table.given.otherWorkspace) known.add(table.given.otherWorkspace.description);
  for (const [step] of table.rows) {
    if ('description' in step) known.add(step.description);
    // A typed log line's description is its last quoted phrase.
    if (step.step === 'command' && /^log /.test(step.text)) {
      const quoted = [...step.text.matchAll(/"([^"]*)"/g)].at(-1)?.[1];
      if (quoted) known.add(quoted);
    }
  }
  // Longest first, so a description inside another is not counted twice.
  return [...known].sort((a, b) => b.length - a.length);
}

/** The known descriptions as the person reads them, top to bottom, repeats included. */
function itemsIn(text: string, known: string[]): string[] {
  const found: { at: number; description: string }[] = [];
  const taken: boolean[] = [];
  for (const description of known) {
    for (let at = text.indexOf(description); at >= 0; at = text.indexOf(description, at + 1)) {
      if (taken[at]) continue;
      for (let i = at; i < at + description.length; i++) taken[i] = true;
      found.push({ at, description });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.description);
}

function check(expected: Expectation, seen: Observation, known: string[]): void {
  if (expected.expect === 'notOffered') {
    expect(seen.notOffered, `the control is not shown. Saw: ${seen.text}`).toBeDefined();
    return;
  }
  if (seen.notOffered) expect.fail(`Not offered to the person: ${seen.notOffered}`);
  const everything = [seen.text, ...seen.formErrors].join('\n');
  const shown = `What the person saw:\n${everything}`;
  for (const words of 'mentions' in expected ? (expected.mentions ?? []) : [])
    expect(everything, shown).toContain(words);
  for (const words of expected.absent ?? []) expect(everything, shown).not.toContain(words);
  switch (expected.expect) {
    case 'confirmed':
      expect(seen.formErrors, shown).toEqual([]);
      expect(seen.formOpened, `no form is left open. ${shown}`).toBe(false);
      expect(seen.text.trim(), 'the person was told something').not.toBe('');
      return;
    case 'refused':
      expect(everything.trim(), 'the person was told why').not.toBe('');
      // A form may come back with its reasons; one that simply opens is no refusal.
      if (seen.formOpened) expect(seen.formErrors, `a form opened without reasons. ${shown}`).not.toEqual([]);
      return;
    case 'form':
      expect(seen.formOpened, shown).toBe(true);
      return;
    case 'items':
      expect(seen.text.trim(), 'a timeline or list was shown').not.toBe('');
      expect(itemsIn(seen.text, known), shown).toEqual(expected.descriptions);
      return;
    case 'csv': {
      expect(seen.csv, `a CSV was shared. ${shown}`).toBeDefined();
      const [, ...rows] = seen.csv ?? [];
      expect(rows.flatMap((row) => itemsIn(row, known)).sort()).toEqual([...expected.descriptions].sort());
      return;
    }
    case 'said':
      expect(everything.trim(), 'the person was told something').not.toBe('');
      return;
  }
}

function title(step: Step, expected: Expectation): string {
  const { step: verb, as, ...rest } = step;
  const { expect: outcome, ...what } = expected;
  return `${as} ${verb} ${JSON.stringify(rest)} → ${outcome} ${JSON.stringify(what)}`;
}

/** The step's outcome; a control missing from the screen is an outcome too, not a crash. */
async function perform(driver: Driver, step: Step): Promise<Observation> {
  try {
    return await driver.perform(step);
  } catch (error) {
    if (!(error instanceof NotOffered)) throw error;
    return { text: '', formErrors: [], formOpened: false, notOffered: error.message };
  }
}

function runRow(
  platform: Platform,
  driver: Driver,
  known: string[],
  [step, expected, marks]: Row,
  n: number,
) {
  const name = `${n}. ${title(step, expected)}`;
  const skip = marks?.skip?.[platform];
  // A row the platform cannot do at all (e.g. Teams has no App Home tab): shown as skipped with
  // the row's own reason, so the table still lists it; anything a platform merely lacks is `todo`.
  if (skip) return it.skip(`${name} (${platform} cannot: ${skip})`, () => {}); // reason: platform cannot, see row
  const todo = marks?.todo?.[platform];
  const test = async () => check(expected, await perform(driver, step), known);
  if (todo) return it.fails(`${name} (todo on ${platform}: ${todo})`, test);
  return it(name, test);
}

describe.each(DRIVERS)('%s', (platform, use) => {
  describe.each(TABLES)('$feature', (table) => {
    const driver = use();
    const known = descriptionsOf(table);
    // After the app's own beforeAll (registered by use()), before the first row.
    beforeAll(() => driver.prepare(table.given));
    for (const [index, row] of table.rows.entries()) runRow(platform, driver, known, row, index + 1);
  });
});
