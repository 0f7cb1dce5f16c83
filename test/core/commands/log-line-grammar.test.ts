import { describe, expect, it } from 'vitest';
import { parseNaturalMoment } from '../../../src/adapters/shared/natural-dates.js';
import { CommandSyntaxError, parseCommand } from '../../../src/core/commands/command-grammar.js';

const TYPES = { interactionTypes: ['Visit', 'Call', 'Meeting', 'Note'] };

function refused(text: string): CommandSyntaxError {
  try {
    parseCommand(text, TYPES);
  } catch (error) {
    if (error instanceof CommandSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('the one-line log grammar', () => {
  it('reads contacts, the type in the workspace spelling, the description and the options', () => {
    const parsed = parseCommand(
      'log Yossi Lévy, dan@acme.com "Anna K" call "Discussed the class" at:"yesterday 10:30" follow-up:"next monday 9:00" actions:"To call back,Agreed" important',
      TYPES,
    );
    expect(parsed).toMatchObject({
      kind: 'logLine',
      line: {
        contacts: ['Yossi Lévy', 'dan@acme.com', 'Anna K'],
        type: 'Call',
        description: 'Discussed the class',
        at: { text: 'yesterday 10:30' },
        followUp: { text: 'next monday 9:00' },
        actions: ['To call back', 'Agreed'],
        important: true,
      },
    });
  });

  it('keeps names-only logs opening the form: none, names, a lone quoted name, names ending in a comma', () => {
    expect(parseCommand('log', TYPES)).toEqual({ kind: 'log', contactQueries: [] });
    expect(parseCommand('log Yossi Lévy, dan@acme.com', TYPES)).toEqual({
      kind: 'log',
      contactQueries: ['Yossi Lévy', 'dan@acme.com'],
    });
    expect(parseCommand('log "Anna K"', TYPES)).toEqual({ kind: 'log', contactQueries: ['Anna K'] });
    expect(parseCommand('log Yossi, "Anna K"', TYPES)).toEqual({
      kind: 'log',
      contactQueries: ['Yossi', 'Anna K'],
    });
  });

  it('names what is missing or wrong, with the syntax that works', () => {
    expect(refused('log Cohen "Discussed the class"').reason).toMatch(
      /Which type\? "Cohen" is not one of Visit/,
    );
    expect(refused('log Call "Discussed the class"').reason).toMatch(/Who was it with\?/);
    expect(refused('log Cohen Chat "Discussed"').reason).toMatch(/"Chat" is not an interaction type here/);
    expect(refused('log Cohen call ""').reason).toMatch(/The description is empty/);
    expect(refused('log Cohen call "   "').reason).toMatch(/The description is empty/);
    const unquoted = refused('log Cohen call Discussed the class');
    expect(unquoted.reason).toMatch(/Put the description in quotes/);
    expect(unquoted.hint).toBe('log Cohen call "Discussed the class"');
    expect(refused('log Cohen call "Discussed the class').reason).toMatch(/never closed/);
    expect(refused('log Cohen call "Discussed the class').hint).toMatch(/^log Cohen Call "/);
    expect(refused('log Cohen call at:yesterday').reason).toMatch(/needs a description in quotes/);
    expect(refused('log Cohen call "x" when:now at:now').reason).toMatch(/given twice/);
    expect(refused('log Cohen call "x" by:me').reason).toMatch(/"by:" is not an option of log/);
    expect(refused('log Cohen call ""').syntax).toMatch(/^log <contacts> <type> "<description>"/);
  });

  it('reads a type of several words when the workspace has it, and none the workspace lacks', () => {
    const types = { interactionTypes: ['Call', 'Home visit'] };
    expect(parseCommand('log Ann Lévy home visit "Brought the books"', types)).toMatchObject({
      kind: 'logLine',
      line: { contacts: ['Ann Lévy'], type: 'Home visit' },
    });
    expect(() => parseCommand('log Ann Lévy visit "Brought the books"', types)).toThrow(
      /"visit" is not an interaction type here/,
    );
  });

  it('leaves other commands’ empty quotes as before', () => {
    expect(parseCommand('list "" type:Call')).toMatchObject({
      kind: 'list',
      filter: { words: [], types: ['Call'] },
    });
  });
});

describe('moments in words for the one-line log', () => {
  const now = new Date('2026-11-16T23:30:00Z');

  it('reads day and time on the workspace wall clock, and says when no time was typed', () => {
    const zone = { now, timeZone: 'Asia/Jerusalem' };
    expect(parseNaturalMoment('yesterday 10:30', zone)).toEqual({ date: '2026-11-16', time: '10:30' });
    expect(parseNaturalMoment('next monday 9:00', zone)).toEqual({ date: '2026-11-23', time: '09:00' });
    expect(parseNaturalMoment('yesterday', zone)).toEqual({ date: '2026-11-16' });
    expect(parseNaturalMoment('soon-ish yesterday', zone)).toBeNull();
  });
});
