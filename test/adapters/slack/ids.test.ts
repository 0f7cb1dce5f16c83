import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/slack/blocks/limits.js';
import {
  ActionId,
  ActionIdPattern,
  BlockId,
  CallbackId,
  ContactFormField,
  ContactImportField,
  FilterFormField,
  InteractionFormField,
  ItemActionPrefix,
  itemActionId,
  SettingsFormField,
  SlashCommand,
} from '../../../src/adapters/slack/ids.js';
import {
  ButtonValue,
  decodeValue,
  encodeValue,
  filterFromValue,
  filterToValue,
  tryEncodeValue,
} from '../../../src/adapters/slack/payloads/action-values.js';
import { ValidationError } from '../../../src/core/shared/errors.js';

const ID = 'i0000000000000000000000000000001';

describe('Slack ids', () => {
  const forms = [
    InteractionFormField,
    ContactFormField,
    ContactImportField,
    FilterFormField,
    SettingsFormField,
  ];
  const fieldIds = forms.flatMap((form) => Object.values(form).flatMap((f) => [f.blockId, f.actionId]));
  const constants = [
    ...Object.values(CallbackId),
    ...Object.values(ActionId),
    ...Object.values(ItemActionPrefix),
    ...fieldIds,
  ];

  it('are unique and within 255 characters', () => {
    expect(new Set(constants).size).toBe(constants.length);
    expect(constants.every((id) => id.length > 0 && id.length <= 255)).toBe(true);
    expect(SlashCommand.interaction).toBe('/interaction');
  });

  it('give per-item action ids that their pattern, and only theirs, matches', () => {
    const menu = itemActionId(ItemActionPrefix.itemMenu, ID);
    expect(menu).toBe(`il.item.menu:${ID}`);
    expect(ActionIdPattern.itemMenu.test(menu)).toBe(true);
    expect(ActionIdPattern.itemShowMore.test(menu)).toBe(false);
    const log = itemActionId(ItemActionPrefix.followUpLog, ID);
    expect(ActionIdPattern.followUpDone.test(log)).toBe(false);
    expect(ActionIdPattern.followUpLog.test(log)).toBe(true);
    // Reminder DMs sent before the per-item id carry the bare one.
    expect(ActionIdPattern.followUpLog.test('il.followup.log')).toBe(true);
    expect(ActionIdPattern.followUpLog.test('il.followup.log_form')).toBe(false);
  });

  it('refuse an id that would exceed the limit instead of truncating it', () => {
    expect(() => BlockId.item('x'.repeat(300))).toThrow(RangeError);
  });
});

describe('button values', () => {
  it('round-trip through encode and decode', () => {
    const value = encodeValue(ButtonValue.timeline, { k: 'contact', s: 'c1', c: 'eyJhdCI6IjIwMjYifQ' });
    expect(decodeValue(ButtonValue.timeline, value)).toEqual({
      k: 'contact',
      s: 'c1',
      c: 'eyJhdCI6IjIwMjYifQ',
    });
  });

  it('fit an overflow option value with a real interaction id', () => {
    const value = encodeValue(ButtonValue.itemMenu, { a: 'followup', i: ID }, LIMITS.optionValue);
    expect(value.length).toBeLessThanOrEqual(75);
  });

  it.each([
    ['not JSON', '{oops'],
    ['another shape', JSON.stringify({ k: 'contact' })],
    ['an extra field', JSON.stringify({ k: 'contact', s: 'c1', admin: true })],
    ['an id with markup', JSON.stringify({ k: 'contact', s: '<!channel>' })],
    ['too long', 'x'.repeat(2001)],
    ['not a string', 42],
  ])('reject %s as out of date', (_what, raw) => {
    expect(() => decodeValue(ButtonValue.timeline, raw)).toThrow(ValidationError);
  });

  it('refuse to encode past the limit, or return undefined when asked to try', () => {
    const filter = {
      f: {
        text: 'x'.repeat(500),
        contactIds: Array.from({ length: 50 }, (_, i) => `c${i}${'y'.repeat(60)}`),
      },
      s: 'date' as const,
    };
    expect(() => encodeValue(ButtonValue.list, filter)).toThrow(RangeError);
    expect(tryEncodeValue(ButtonValue.list, filter)).toBeUndefined();
  });

  it('carry a whole filter, dates included', () => {
    const filter = {
      from: new Date('2026-10-31T23:00:00.000Z'),
      to: new Date('2026-11-15T23:00:00.000Z'),
      types: ['Call'],
      followUp: 'open' as const,
    };
    const raw = encodeValue(ButtonValue.list, { f: filterToValue(filter), s: 'date' });
    expect(filterFromValue(decodeValue(ButtonValue.list, raw).f)).toEqual(filter);
  });
});
