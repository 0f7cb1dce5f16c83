import { describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../../src/adapters/shared/natural-dates.js';
import {
  CommandSyntaxError,
  type FilterConversionContext,
  type FilterSpec,
  type ParsedCommand,
  parseCommand,
  toInteractionFilter,
} from '../../../src/core/commands/command-grammar.js';
import { ErrorCode } from '../../../src/core/shared/errors.js';

/** Thursday 12 Nov 2026, 11:00 in Paris (CET, UTC+1). */
const NOW = new Date('2026-11-12T10:00:00.000Z');
const PARIS = 'Europe/Paris';

function syntaxError(run: () => unknown): CommandSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CommandSyntaxError');
}

async function asyncSyntaxError(run: () => Promise<unknown>): Promise<CommandSyntaxError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CommandSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CommandSyntaxError');
}

function filterOf(text: string): FilterSpec {
  const parsed = parseCommand(text);
  if (parsed.kind !== 'list' && parsed.kind !== 'export')
    throw new Error(`not a filter command: ${parsed.kind}`);
  return parsed.filter;
}

const context: FilterConversionContext = {
  now: NOW,
  timeZone: PARIS,
  currentUserId: 'U0ME',
  parseDate: parseNaturalDate,
  resolveAuthor: async (name) => (name === 'dana' ? 'U0DANA' : undefined),
  resolveOrganisation: async (name) => (name === 'Acme' ? 'o-acme' : undefined),
};

describe('parseCommand: verbs', () => {
  it.each<[string, ParsedCommand]>([
    ['', { kind: 'help' }],
    ['   ', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['followups', { kind: 'followups' }],
    ['follow-ups', { kind: 'followups' }],
    ['settings', { kind: 'settings' }],
    ['contact import', { kind: 'contact', sub: 'import' }],
    ['contact add', { kind: 'contact', sub: 'add' }],
    [
      'contact add Yossi Lévy yossi@example.org',
      { kind: 'contact', sub: 'add', text: 'Yossi Lévy yossi@example.org' },
    ],
    ['contact find levy', { kind: 'contact', sub: 'find', text: 'levy' }],
    ['timeline Yossi Lévy', { kind: 'timeline', contactQuery: 'Yossi Lévy' }],
    ['timeline “Yossi Lévy”', { kind: 'timeline', contactQuery: 'Yossi Lévy' }],
  ])('reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('rejects an unknown verb, naming it', () => {
    const error = syntaxError(() => parseCommand('frobnicate now'));
    expect(error.token).toBe('frobnicate');
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors.command).toContain('frobnicate');
    expect(error.hint).toContain('timeline');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'takes %s for an unknown word, not an inherited property (found by the fuzz suite)',
    (word) => {
      expect(syntaxError(() => parseCommand(word)).token).toBe(word);
    },
  );

  it('takes constructor: for an unknown filter and log option, not an inherited property', () => {
    expect(syntaxError(() => parseCommand('list constructor:x')).token).toBe('constructor:x');
    expect(syntaxError(() => parseCommand('log ann call "x" constructor:y')).token).toBe('constructor:y');
  });

  it('asks whose timeline when no contact is given', () => {
    expect(syntaxError(() => parseCommand('timeline')).token).toBe('timeline');
  });

  it('rejects contact without a known sub-command and find without text', () => {
    expect(syntaxError(() => parseCommand('contact merge a b')).token).toBe('merge');
    expect(syntaxError(() => parseCommand('contact find')).token).toBe('find');
  });
});

describe('parseCommand: log', () => {
  it('preselects nobody when no contact is named', () => {
    expect(parseCommand('log')).toEqual({ kind: 'log', contactQueries: [] });
  });

  it('splits contacts on commas, quotes and emails, keeping multi-word names whole', () => {
    expect(parseCommand('log Yossi Lévy, dan@acme.com "Anna K" “Léa Martin”')).toEqual({
      kind: 'log',
      contactQueries: ['Yossi Lévy', 'dan@acme.com', 'Anna K', 'Léa Martin'],
    });
  });

  it("reads Slack's escaped email links as the address", () => {
    expect(parseCommand('log <mailto:dan@acme.com|dan@acme.com> Yossi')).toEqual({
      kind: 'log',
      contactQueries: ['dan@acme.com', 'Yossi'],
    });
  });
});

describe('parseCommand: list and export filters', () => {
  it('opens the filter form when list has no filters', () => {
    expect(parseCommand('list')).toMatchObject({ kind: 'list', hasFilters: false });
  });

  it('reads every filter at once', () => {
    const spec = filterOf(
      'list type:Call,Visit action:"To call back" by:<@U0ANN|ann> by:<@U0BOB> by:@dana by:me contact:"Yossi Lévy" org:“Acme &amp; Co” from:2026-11-01 to:2026-11-15 important has:files followup:overdue sort:type winter coat',
    );
    expect(spec).toEqual({
      types: ['Call', 'Visit'],
      actions: ['To call back'],
      authorIds: ['U0ANN', 'U0BOB'],
      authorNames: [{ name: 'dana', token: 'by:@dana' }],
      byMe: true,
      contactText: 'Yossi Lévy',
      organisation: { name: 'Acme & Co', token: 'org:“Acme &amp; Co”' },
      from: { text: '2026-11-01', token: 'from:2026-11-01' },
      to: { text: '2026-11-15', token: 'to:2026-11-15' },
      importantOnly: true,
      hasAttachments: true,
      followUp: 'overdue',
      words: ['winter', 'coat'],
      sort: 'type',
    });
    expect(parseCommand('export important')).toMatchObject({ kind: 'export', hasFilters: true });
  });

  it('accepts smart quotes around a filter value', () => {
    expect(filterOf('list action:“To call back”').actions).toEqual(['To call back']);
    expect(filterOf('list from:“last monday”').from).toEqual({
      text: 'last monday',
      token: 'from:“last monday”',
    });
  });

  it('treats a quoted phrase as free text, even one that looks like a filter', () => {
    const spec = filterOf('list "type:Call" "important" "call back"');
    expect(spec.types).toEqual([]);
    expect(spec.importantOnly).toBe(false);
    expect(spec.words).toEqual(['type:Call', 'important', 'call back']);
  });

  it('decodes Slack escapes in free words and keeps times and links as words', () => {
    expect(filterOf('list R&amp;D 10:30 <https://example.org/x>').words).toEqual([
      'R&D',
      '10:30',
      'https://example.org/x',
    ]);
  });

  it.each([
    ['list followup:later', 'followup:later', 'followup:open'],
    ['list has:pictures', 'has:pictures', 'has:files'],
    ['list typ:Call', 'typ:Call', 'type:'],
    ['list type:', 'type:', 'type:Call'],
    ['list from:2026-02-30', 'from:2026-02-30', 'from:'],
    ['list sort:name', 'sort:name', 'sort:date'],
    ['list contact:Ann contact:Bob', 'contact:Bob', 'contact:'],
    ['list by:<#C0GENERAL|general>', 'by:<#C0GENERAL|general>', 'by:'],
    ['list contact:"Yossi Lévy', 'contact:"Yossi Lévy', 'contact:"'],
  ])('rejects %j, naming %j and showing the syntax', (text, token, hint) => {
    const error = syntaxError(() => parseCommand(text));
    expect(error.token).toBe(token);
    expect(error.hint).toContain(hint);
    expect(error.reason.length).toBeGreaterThan(0);
  });
});

describe('parseCommand: report', () => {
  it.each<[string, ParsedCommand]>([
    ['report', { kind: 'report', period: { kind: 'lastWeek' } }],
    ['report last week', { kind: 'report', period: { kind: 'lastWeek' } }],
    ['report This Week', { kind: 'report', period: { kind: 'thisWeek' } }],
    [
      'report 2026-11-01..2026-11-15',
      { kind: 'report', period: { kind: 'range', from: '2026-11-01', to: '2026-11-15' } },
    ],
    [
      'report 2026-11-01 .. 2026-11-15',
      { kind: 'report', period: { kind: 'range', from: '2026-11-01', to: '2026-11-15' } },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['report next year', 'next year'],
    ['report 2026-11-15..2026-11-01', '2026-11-15..2026-11-01'],
    ['report 2026-13-01..2026-11-15', '2026-13-01'],
  ])('rejects %j naming %j', (text, token) => {
    expect(syntaxError(() => parseCommand(text)).token).toBe(token);
  });
});

describe('toInteractionFilter', () => {
  it('turns days into [from, to) at midnight in the workspace timezone, `to` day included', async () => {
    const filter = await toInteractionFilter(filterOf('list from:2026-11-01 to:2026-11-15'), context);
    expect(filter).toEqual({
      from: new Date('2026-10-31T23:00:00.000Z'),
      to: new Date('2026-11-15T23:00:00.000Z'),
    });
  });

  it('follows daylight saving time: the 29 March 2026 Paris day is 23 hours long', async () => {
    const filter = await toInteractionFilter(filterOf('list from:2026-03-29 to:2026-03-29'), context);
    expect(filter.from).toEqual(new Date('2026-03-28T23:00:00.000Z'));
    expect(filter.to).toEqual(new Date('2026-03-29T22:00:00.000Z'));
  });

  it('reads "last monday" relative to now, in Paris', async () => {
    const filter = await toInteractionFilter(filterOf('list from:"last monday" to:yesterday'), context);
    expect(filter.from).toEqual(new Date('2026-11-08T23:00:00.000Z')); // Mon 9 Nov 00:00 Paris
    expect(filter.to).toEqual(new Date('2026-11-11T23:00:00.000Z')); // end of Wed 11 Nov
  });

  it('takes "today" in the workspace zone even when UTC is still on the previous day', async () => {
    const lateEvening = { ...context, now: new Date('2026-11-12T23:30:00.000Z') }; // 00:30 Fri in Paris
    const filter = await toInteractionFilter(filterOf('list from:today'), lateEvening);
    expect(filter.from).toEqual(new Date('2026-11-12T23:00:00.000Z'));
  });

  it('resolves names, me, organisation and keeps the rest', async () => {
    const filter = await toInteractionFilter(
      filterOf(
        'list by:<@U0ANN> by:@dana by:me type:Call contact:levy org:Acme important has:files followup:open coat',
      ),
      context,
    );
    expect(filter).toEqual({
      types: ['Call'],
      authorIds: ['U0ANN', 'U0ME', 'U0DANA'],
      contactText: 'levy',
      organisationId: 'o-acme',
      importantOnly: true,
      hasAttachments: true,
      followUp: 'open',
      text: 'coat',
    });
  });

  it.each([
    ['list from:"blah blah"', 'from:"blah blah"'],
    ['list by:@nobody', 'by:@nobody'],
    ['list org:Initech', 'org:Initech'],
    ['list from:2026-11-15 to:2026-11-01', 'to:2026-11-01'],
  ])('rejects %j naming %j', async (text, token) => {
    const error = await asyncSyntaxError(() => toInteractionFilter(filterOf(text), context));
    expect(error.token).toBe(token);
  });
});
