import { keywordIn } from '../shared/text.js';
import { CommandSyntaxError } from './command-syntax-error.js';
import { type CommandToken, plainText, tokenKey, tokenValue } from './command-tokenizer.js';

/**
 * `log` with a quoted description is a one-line log (for clients that cannot open forms, and
 * for people who type faster than they click):
 *
 *   log <contacts> <type> "<description>" [at:"yesterday 10:30"] [follow-up:"next monday 9:00"]
 *       [actions:"To call back,Agreed"] [important]
 *
 * Read right to left, so it never guesses: the last quoted phrase (options aside) is the
 * description, the word just before it the type, and everything before the type names the
 * contacts (comma-separated, or quoted). Anything else after `log` names contacts for the form,
 * as before: a lone quoted name, or names ending in a comma (`log Yossi, "Anna K"`).
 */
export const LOG_LINE_EXAMPLE = 'log Cohen Call "Discussed the class"';
export const LOG_LINE_SYNTAX =
  'log <contacts> <type> "<description>" [at:"yesterday 10:30"] [follow-up:"next monday 9:00"] [actions:"To call back"] [important]';
const OPTIONS_HINT = 'at:"yesterday 10:30" follow-up:"next monday 9:00" actions:"To call back" important';

/** A value as typed, with the token to blame if it cannot be read. */
export interface TypedValue {
  text: string;
  token: string;
}

/** A one-line log as typed: names and dates are resolved later, against the workspace. */
export interface LogLineSpec {
  /** Contact names or emails, in the order typed. */
  contacts: string[];
  /** The raw contact words, for messages about them. */
  contactsToken: string;
  /** One of the workspace's types, spelled as the workspace spells it when the types were given. */
  type: string;
  typeToken: string;
  description: string;
  descriptionToken: string;
  at?: TypedValue;
  followUp?: TypedValue;
  actions: string[];
  actionsToken?: string;
  important: boolean;
}

export interface LogGrammarContext {
  /** The workspace's interaction types: the type must be one of them (new types need the form). */
  interactionTypes?: readonly string[];
}

/** What the words after `log` ask for: the form for some contacts, or a complete log. */
export type LogRequest =
  | { kind: 'names'; tokens: CommandToken[] }
  | { kind: 'line'; contactTokens: CommandToken[]; spec: Omit<LogLineSpec, 'contacts'> };

type OptionKey = 'at' | 'followUp' | 'actions';
const OPTION_KEYS: Record<string, OptionKey> = {
  at: 'at',
  when: 'at',
  'follow-up': 'followUp',
  followup: 'followUp',
  actions: 'actions',
  action: 'actions',
};

function fail(token: string, reason: string, hint: string = LOG_LINE_EXAMPLE): never {
  throw new CommandSyntaxError(token, reason, hint, LOG_LINE_SYNTAX);
}

const isEmptyQuote = (token: CommandToken) => token.quoted && token.text.length === 0;
/** `important` and every `key:value` word; unknown keys are refused when the options are read. */
const isOption = (token: CommandToken) =>
  !token.quoted && (token.text.toLowerCase() === 'important' || tokenKey(token) !== undefined);

interface Options {
  at?: TypedValue;
  followUp?: TypedValue;
  actions: string[];
  actionsToken?: string;
  important: boolean;
}

function readOptions(tokens: readonly CommandToken[]): Options {
  const options: Options = { actions: [], important: false };
  for (const token of tokens) {
    if (token.text.toLowerCase() === 'important') {
      options.important = true;
      continue;
    }
    const key = keywordIn(OPTION_KEYS, tokenKey(token) ?? '');
    if (key === undefined) fail(token.raw, `"${tokenKey(token)}:" is not an option of log.`, OPTIONS_HINT);
    const value = plainText(tokenValue(token)).trim();
    if (value.length === 0) fail(token.raw, `${tokenKey(token)}: needs a value.`, OPTIONS_HINT);
    if (key === 'actions') {
      options.actions.push(
        ...value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      );
      options.actionsToken = token.raw;
    } else {
      if (options[key] !== undefined)
        fail(token.raw, `${tokenKey(token)}: is given twice; keep one.`, OPTIONS_HINT);
      options[key] = { text: value, token: token.raw };
    }
  }
  return options;
}

function words(tokens: readonly CommandToken[]): string {
  return tokens.map((token) => plainText(token.text)).join(' ');
}

function knownType(types: readonly string[] | undefined, word: string): string | undefined {
  return types?.find((type) => type.toLowerCase() === word.toLowerCase());
}

/**
 * `log Cohen call Discussed the class`: a known type with words on both sides in one unquoted
 * name is a description that lost its quotes. Said so, rather than opening a form for a contact
 * called "Cohen call Discussed the class".
 */
function refuseUnquotedDescription(tokens: readonly CommandToken[], types: readonly string[] | undefined) {
  if (!types?.length) return;
  let segment: string[] = [];
  const check = () => {
    const at = segment.findIndex(
      (word, index) => index > 0 && index < segment.length - 1 && knownType(types, word),
    );
    if (at > 0) {
      const name = segment.slice(0, at).join(' ');
      const description = segment.slice(at + 1).join(' ');
      fail(
        segment.join(' '),
        `Put the description in quotes (or, if "${segment.join(' ')}" is a contact's name, quote the name).`,
        `log ${name} ${segment[at]} "${description}"`,
      );
    }
    segment = [];
  };
  for (const token of tokens) {
    if (token.quoted) {
      check();
      continue;
    }
    const parts = plainText(token.text).split(',');
    parts.forEach((part, index) => {
      if (part.trim()) segment.push(part.trim());
      if (index < parts.length - 1) check();
    });
  }
  check();
}

/** How many bare words before the description form the type: "Phone call" is two, when the workspace has it. */
function multiWordType(before: readonly CommandToken[], types: readonly string[] | undefined): number {
  for (let length = Math.min(3, before.length - 1); length > 1; length--) {
    const candidate = before.slice(-length);
    if (candidate.some((token) => token.quoted || token.raw.includes(','))) continue;
    if (knownType(types, words(candidate))) return length;
  }
  return 1;
}

/** Reads the words after `log` (`verb` is the `log` token itself, for messages about nothing typed). */
export function parseLogRequest(
  tokens: readonly CommandToken[],
  verb: CommandToken,
  context: LogGrammarContext = {},
): LogRequest {
  const positional = tokens.filter((token) => !isOption(token));
  const last = positional.at(-1);
  const beforeLast = positional.at(-2);
  // Two quoted phrases in a row, or a comma before the quote, are names: `log "Anna K" "Léa M"`.
  if (!last?.quoted || beforeLast === undefined || beforeLast.quoted || beforeLast.raw.endsWith(',')) {
    const options = tokens.filter(isOption);
    // Options without a description: the line is incomplete, not a list of names.
    if (options.some((token) => tokenKey(token) !== undefined)) {
      fail(options[0]?.raw ?? verb.raw, 'A one-line log needs a description in quotes.');
    }
    const names = tokens.filter((token) => !isEmptyQuote(token));
    refuseUnquotedDescription(names, context.interactionTypes);
    return { kind: 'names', tokens: names };
  }
  const description = plainText(last.text).trim();
  if (description.length === 0) fail(last.raw, 'The description is empty: say what happened.');
  const types = context.interactionTypes;
  const typeLength = multiWordType(positional.slice(0, -1), types);
  const typeTokens = positional.slice(-1 - typeLength, -1);
  const typeWord = words(typeTokens).trim();
  const typeRaw = typeTokens.map((token) => token.raw).join(' ');
  const contactTokens = positional.slice(0, -1 - typeLength).filter((token) => !isEmptyQuote(token));
  const type = types ? knownType(types, typeWord) : typeWord;
  if (type === undefined) {
    const list = types?.join(', ') ?? '';
    fail(
      typeRaw,
      contactTokens.length === 0
        ? `Which type? "${typeWord}" is not one of ${list}. (To open the form for several contacts, separate them with commas.)`
        : `"${typeWord}" is not an interaction type here. Types: ${list}. A new type can be added in the form.`,
      contactTokens.length === 0
        ? `log ${typeWord} ${types?.[0] ?? 'Call'} "${description}"`
        : LOG_LINE_EXAMPLE,
    );
  }
  if (contactTokens.length === 0) {
    fail(
      typeRaw,
      'Who was it with? Name the contacts before the type.',
      `log <contacts> ${type} "${description}"`,
    );
  }
  const options = readOptions(tokens.filter(isOption));
  return {
    kind: 'line',
    contactTokens,
    spec: {
      contactsToken: words(contactTokens),
      type,
      typeToken: typeRaw,
      description,
      descriptionToken: last.raw,
      ...options,
    },
  };
}
