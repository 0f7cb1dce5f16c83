import { describe, expect, it } from 'vitest';
import {
  assertNever,
  escapeAndTruncate,
  escapeMrkdwn,
  LIMITS,
  SLACK_DATE_TOKENS,
  slackDate,
  truncateText,
} from '../../../src/adapters/slack/blocks/limits.js';

describe('LIMITS', () => {
  it('matches the documented Block Kit limits (slack-platform.md §1)', () => {
    expect(LIMITS).toMatchObject({
      messageBlocks: 50,
      viewBlocks: 100,
      blockId: 255,
      actionId: 255,
      sectionText: 3000,
      headerText: 150,
      contextElements: 10,
      actionsElements: 25,
      buttonText: 75,
      buttonValue: 2000,
      optionText: 75,
      optionValue: 75,
      overflowOptions: 5,
      modalTitle: 24,
      privateMetadata: 3000,
      callbackId: 255,
    });
    expect(LIMITS.messageTextBudget).toBeLessThan(12_000);
  });
});

describe('truncateText', () => {
  it('keeps text that fits', () => {
    expect(truncateText('hello', 5)).toBe('hello');
  });

  it('cuts to the limit with an ellipsis', () => {
    expect(truncateText('hello world', 8)).toBe('hello w…');
    expect(truncateText('hello world', 8)).toHaveLength(8);
  });

  it('never splits an emoji in two', () => {
    const cut = truncateText('ab😀cd', 4); // the cut would fall between the surrogates
    expect(cut).toBe('ab…');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes only &, < and >', () => {
    expect(escapeMrkdwn(`<!channel> & <https://evil|click> "quotes" 'too'`)).toBe(
      `&lt;!channel&gt; &amp; &lt;https://evil|click&gt; "quotes" 'too'`,
    );
  });
});

describe('escapeAndTruncate', () => {
  it('fits the escaped text and never cuts inside an entity', () => {
    const { text, truncated } = escapeAndTruncate('a&b&c&d', 10);
    expect(truncated).toBe(true);
    expect(text).toBe('a&amp;b…');
    expect(text.length).toBeLessThanOrEqual(10);
  });

  it('reports nothing cut when it fits', () => {
    expect(escapeAndTruncate('a<b', 10)).toEqual({ text: 'a&lt;b', truncated: false });
  });
});

describe('slackDate', () => {
  const date = new Date('2026-11-10T14:30:00.000Z');

  it('builds the date token with a fallback in the workspace timezone', () => {
    expect(slackDate(date, SLACK_DATE_TOKENS, { timeZone: 'Europe/Paris', format: 'dd/MM/yyyy HH:mm' })).toBe(
      '<!date^1794321000^{date_short_pretty} at {time}|10/11/2026 15:30>',
    );
    expect(slackDate(date, '{date_num}', { timeZone: 'America/New_York', format: 'yyyy-MM-dd HH:mm' })).toBe(
      '<!date^1794321000^{date_num}|2026-11-10 09:30>',
    );
  });

  it('keeps a fallback from breaking out of the token', () => {
    expect(slackDate(date, '{date}', 'a|b<c>^d')).toBe('<!date^1794321000^{date}|a b&lt;c&gt; d>');
  });
});

describe('assertNever', () => {
  it('throws on a value the types said could not exist', () => {
    expect(() => assertNever('surprise' as never)).toThrow('surprise');
  });
});
