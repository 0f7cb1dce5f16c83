import { CommandSyntaxError } from './command-syntax-error.js';

/** One whitespace-separated word of the command text, with quoted phrases kept whole. */
export interface CommandToken {
  /** Exactly as typed, quotes included: what error messages quote back. */
  raw: string;
  /** Quotes removed; Slack markup (`<@U1|ann>`, `<mailto:…>`) and entities kept as sent. */
  text: string;
  /** Index in `text` of the first colon outside quotes and markup, or -1: the `key:` split. */
  keyEnd: number;
  /** The whole token was one quoted phrase, so it is never read as a keyword or filter. */
  quoted: boolean;
}

// Slack (and macOS/iOS keyboards) turn "…" into “…”; German keyboards type „…“. Any closing
// quote ends any opening one: users mix them and a strict pairing would only produce errors.
const OPENING_QUOTES = new Set(['"', '“', '”', '„']);
const CLOSING_QUOTES = ['"', '”', '“'];
/** Slack's escaped markup: mentions, channels, special mentions, links. A lone `<` is text. */
const SLACK_MARKUP = /<(?:[@#!][^<>\s][^<>]*|[a-z][a-z0-9+.-]*:[^<>]+)>/iy;

function closingQuoteAfter(text: string, from: number): number {
  let best = -1;
  for (const quote of CLOSING_QUOTES) {
    const at = text.indexOf(quote, from);
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  return best;
}

export interface TokenizeOptions {
  /**
   * Keep `""` as an empty quoted token. Only `log` asks for it: there an empty description
   * deserves its own message instead of silently turning the line into a list of names.
   */
  keepEmptyQuotes?: boolean;
}

export function tokenize(input: string, options: TokenizeOptions = {}): CommandToken[] {
  const tokens: CommandToken[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i]!)) i++;
    if (i >= input.length) break;
    const start = i;
    let text = '';
    let keyEnd = -1;
    let sawQuote = false;
    let sawBare = false;
    while (i < input.length && !/\s/.test(input[i]!)) {
      const char = input[i]!;
      if (OPENING_QUOTES.has(char)) {
        const close = closingQuoteAfter(input, i + 1);
        if (close === -1) {
          throw new CommandSyntaxError(
            input.slice(start).trim(),
            'This quote is never closed.',
            'Put quotes around the whole phrase: contact:"Yossi Lévy"',
          );
        }
        text += input.slice(i + 1, close);
        sawQuote = true;
        i = close + 1;
        continue;
      }
      SLACK_MARKUP.lastIndex = i;
      const markup = char === '<' ? SLACK_MARKUP.exec(input) : null;
      if (markup) {
        text += markup[0];
        sawBare = true;
        i += markup[0].length;
        continue;
      }
      if (char === ':' && keyEnd === -1) keyEnd = text.length;
      text += char;
      sawBare = true;
      i++;
    }
    const raw = input.slice(start, i);
    // `""` carries nothing; dropping it keeps the grammar free of empty words.
    if (text.length > 0 || !sawQuote || options.keepEmptyQuotes)
      tokens.push({ raw, text, keyEnd, quoted: sawQuote && !sawBare });
  }
  return tokens;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * What a token means as plain words: Slack markup becomes its visible label (a mention its
 * @name, an email link its address) and Slack's &amp; &lt; &gt; escapes are decoded.
 */
export function plainText(text: string): string {
  return text
    .replace(/<([^<>]+)>/g, (whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
      if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return label ?? target;
      return whole;
    })
    .replace(/&(?:lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The key of a `key:value` token, lower-cased, or undefined for a plain word. */
export function tokenKey(token: CommandToken): string | undefined {
  if (token.keyEnd <= 0) return undefined;
  const key = token.text.slice(0, token.keyEnd);
  // "10:30" or "http://…" (unescaped, e.g. from Teams) are words, not filters.
  if (!/^[a-z][a-z-]*$/i.test(key) || token.text.startsWith('//', token.keyEnd + 1)) return undefined;
  return key.toLowerCase();
}

export function tokenValue(token: CommandToken): string {
  return token.text.slice(token.keyEnd + 1);
}
