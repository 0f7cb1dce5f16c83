import { describe, expect, it } from 'vitest';
import { findingsOf } from './campaign.js';
import { inputSeed, Rng } from './random.js';
import { namesNoSurface } from './slack-no-surface.js';
import type { Exchange } from './verdicts.js';

const answered: Exchange = {
  platform: 'teams',
  surface: 'dialog',
  inputClass: 'dialog:log:grammar',
  seed: 1,
  sent: {},
  status: 200,
  replies: ['Logged: Call with Ann Lévy.'],
  answered: true,
  invalidMessages: [],
  rowsWritten: 2,
};

const invariants = (exchange: Exchange) => findingsOf(exchange).map((finding) => finding.invariant);

describe('the fuzz invariants', () => {
  it('pass an answered, valid, single write', () => {
    expect(invariants(answered)).toEqual([]);
  });

  it('catch a "did not go through" after rows were written', () => {
    const replies = ['⚠️ Something went wrong on our side and your request did not go through.'];
    expect(invariants({ ...answered, replies, fault: 'store-frozen' })).toEqual(['false-failure']);
  });

  it('catch a refusal that wrote, a 5xx, silence, a duplicate, a loss and an invalid card', () => {
    expect(invariants({ ...answered, replies: ['[field errors]', 'Pick a contact'] })).toEqual([
      'written-on-error',
    ]);
    expect(invariants({ ...answered, status: 500, answered: false, rowsWritten: 0, replies: [] })).toEqual([
      'http-5xx',
      'unanswered',
    ]);
    expect(invariants({ ...answered, duplicateRows: 2 })).toEqual(['duplicated']);
    expect(invariants({ ...answered, lost: true, rowsWritten: 0 })).toEqual(['lost']);
    expect(invariants({ ...answered, invalidMessages: ['invoke card: bad'] })).toEqual(['invalid-message']);
  });

  it('accept rows behind an honest "may have been saved"', () => {
    const replies = ['⚠️ Something went wrong on our side while saving, and your change may have been saved.'];
    expect(invariants({ ...answered, replies, fault: 'store-frozen' })).toEqual([]);
    expect(
      invariants({ ...answered, replies: ['⛔ Viewers can read the log but cannot change it.'] }),
    ).toEqual(['written-on-error']);
  });

  it('call an unexpected error a violation unless a fault was injected', () => {
    const replies = ['Something went wrong on our side, reference 0AF81F05'];
    expect(invariants({ ...answered, replies, rowsWritten: 0 })).toEqual(['unexpected-error']);
    expect(invariants({ ...answered, replies, rowsWritten: 0, fault: 'teams-503' })).toEqual([]);
  });

  it('accept the empty ack of a Slack payload naming no surface, and nothing else from it', () => {
    const noSurface: Exchange = {
      ...answered,
      platform: 'slack',
      surface: 'form',
      status: 200,
      answered: false,
      replies: [],
      rowsWritten: 0,
      noSurface: true,
    };
    expect(invariants(noSurface)).toEqual([]);
    // The same silence for a payload that does name a surface: nobody was answered.
    expect(invariants({ ...noSurface, noSurface: false })).toEqual(['unanswered']);
    // Bolt's 404 after its 3 s wait is no ack.
    expect(invariants({ ...noSurface, status: 404 })).toEqual(['unanswered']);
    // A surfaceless payload that wrote still wrote.
    expect(
      invariants({ ...noSurface, answered: true, rowsWritten: 1, replies: ['could not be read'] }),
    ).toEqual(['written-on-error']);
  });

  it("count a Slack payload whose user id is not of Slack's shape as naming no person", () => {
    const shortcut = { type: 'message_action', user: { id: 'U0001' }, response_url: '', trigger_id: 'x' };
    expect(namesNoSurface(shortcut)).toBe(false);
    // The app refuses "{{7*7}} null": without a trigger or response_url there is nobody to answer.
    expect(namesNoSurface({ ...shortcut, user: { id: '{{7*7}} null' } })).toBe(true);
    // A trigger Slack issued still opens the refusal's modal: that one must be answered.
    expect(namesNoSurface({ ...shortcut, user: { id: '{{7*7}} null' }, trigger_id: '1.2.ab3' })).toBe(false);
  });

  it("accept Teams' JSON 400/413 for a body it cannot take, never an HTML page or a 5xx", () => {
    const refused: Exchange = {
      ...answered,
      status: 413,
      answered: false,
      replies: [],
      rowsWritten: 0,
      transportRefusal: true,
    };
    expect(invariants(refused)).toEqual([]);
    expect(invariants({ ...refused, status: 400 })).toEqual([]);
    // Not marked a refusal (no JSON reason): silence.
    expect(invariants({ ...refused, transportRefusal: false })).toEqual(['unanswered']);
    expect(invariants({ ...refused, status: 500 })).toEqual(['http-5xx', 'unanswered']);
    // Express's HTML 413 could not be read as JSON: the driver reports it as a transport error.
    expect(
      invariants({ ...refused, transportRefusal: false, transportError: 'SyntaxError: Unexpected token <' }),
    ).toEqual(['crash']);
  });

  it('replays an input from its seed alone', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.int(0, 1e9));
    };
    expect(draw(inputSeed(42, 7))).toEqual(draw(inputSeed(42, 7)));
    expect(inputSeed(42, 7)).not.toBe(inputSeed(42, 8));
  });
});
