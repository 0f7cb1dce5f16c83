import {
  FOLLOW_UP_FILTERS,
  type FollowUpFilter,
  LIST_SORTS,
  type ListSort,
} from '../interactions/interaction-filter.js';
import { keywordIn } from '../shared/text.js';

import { CommandSyntaxError } from './command-syntax-error.js';
import { type CommandToken, plainText, tokenKey, tokenValue } from './command-tokenizer.js';

/** A name the adapter still has to turn into an id, with the token to blame if it cannot. */
export interface NamedRef {
  name: string;
  token: string;
}

/** A date as typed: strict `YYYY-MM-DD` (already checked) or natural language ("last monday"). */
export interface DateBound {
  text: string;
  token: string;
}

/**
 * The filters of `list` / `export` as typed, before anything is looked up. Converting it to
 * an InteractionFilter needs the workspace timezone, a clock and name lookups: see
 * toInteractionFilter.
 */
export interface FilterSpec {
  types: string[];
  actions: string[];
  /** From Slack's escaped mentions (`<@U123|ann>`): already ids. */
  authorIds: string[];
  /** From `by:@ann` or `by:ann` (no escaping): names the adapter resolves. */
  authorNames: NamedRef[];
  /** `by:me`: the caller. */
  byMe: boolean;
  contactText?: string;
  /** `address:"rue haute"`: part of a Visit's address. */
  addressText?: string;
  organisation?: NamedRef;
  from?: DateBound;
  to?: DateBound;
  importantOnly: boolean;
  hasAttachments: boolean;
  followUp?: FollowUpFilter;
  /** Free words, searched as one phrase in descriptions. */
  words: string[];
  sort?: ListSort;
}

export const FILTER_KEYS = [
  'type',
  'action',
  'by',
  'contact',
  'address',
  'org',
  'from',
  'to',
  'has',
  'followup',
  'sort',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const KEY_ALIASES: Record<string, FilterKey> = {
  type: 'type',
  types: 'type',
  action: 'action',
  actions: 'action',
  by: 'by',
  author: 'by',
  contact: 'contact',
  address: 'address',
  addr: 'address',
  adresse: 'address',
  org: 'org',
  organisation: 'org',
  organization: 'org',
  from: 'from',
  since: 'from',
  to: 'to',
  until: 'to',
  has: 'has',
  followup: 'followup',
  'follow-up': 'followup',
  sort: 'sort',
};

export const FILTER_HINTS: Record<FilterKey | 'important' | 'unknown', string> = {
  type: 'type:Call (several: type:Call,Visit)',
  action: 'action:"To call back"',
  by: 'by:@someone or by:me',
  contact: 'contact:"Yossi Lévy"',
  address: 'address:"Rue Haute"',
  org: 'org:"Acme"',
  from: 'from:2026-11-01 or from:"last monday"',
  to: 'to:2026-11-15 or to:yesterday',
  has: 'has:files',
  followup: 'followup:open, followup:overdue, followup:done or followup:none',
  sort: 'sort:date or sort:type',
  important: 'important (on its own)',
  unknown:
    'Filters: type: action: by: contact: address: org: from: to: has:files followup: sort: important, plus free words',
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1–12) and day of a real calendar day written YYYY-MM-DD; undefined otherwise (2026-02-30). */
export function isoDayParts(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

export function isIsoDay(text: string): boolean {
  return isoDayParts(text) !== undefined;
}

export function emptyFilterSpec(): FilterSpec {
  return {
    types: [],
    actions: [],
    authorIds: [],
    authorNames: [],
    byMe: false,
    importantOnly: false,
    hasAttachments: false,
    words: [],
  };
}

function fail(token: CommandToken, reason: string, key: keyof typeof FILTER_HINTS): never {
  throw new CommandSyntaxError(token.raw, reason, FILTER_HINTS[key]);
}

function listValue(token: CommandToken, key: FilterKey): string[] {
  const values = plainText(tokenValue(token))
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (values.length === 0) fail(token, `${key}: needs a value.`, key);
  return values;
}

function singleValue(token: CommandToken, key: FilterKey, current: unknown): string {
  if (current !== undefined) fail(token, `${key}: is given twice; keep one.`, key);
  const value = plainText(tokenValue(token)).trim();
  if (value.length === 0) fail(token, `${key}: needs a value.`, key);
  return value;
}

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

function addAuthor(spec: FilterSpec, token: CommandToken): void {
  const raw = tokenValue(token).trim();
  const mention = MENTION.exec(raw);
  if (mention) {
    if (!spec.authorIds.includes(mention[1]!)) spec.authorIds.push(mention[1]!);
    return;
  }
  // Any other markup (a channel, a link) cannot name a person.
  if (raw.startsWith('<')) fail(token, 'by: needs a person.', 'by');
  const name = plainText(raw).replace(/^@/, '').trim();
  if (name.length === 0) fail(token, 'by: needs a person.', 'by');
  if (name.toLowerCase() === 'me') spec.byMe = true;
  else spec.authorNames.push({ name, token: token.raw });
}

function oneOf<T extends string>(token: CommandToken, key: FilterKey, allowed: readonly T[]): T {
  const value = plainText(tokenValue(token)).trim().toLowerCase();
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) fail(token, `"${value}" is not a ${key}: value.`, key);
  return match;
}

function dateBound(token: CommandToken, key: 'from' | 'to', current: DateBound | undefined): DateBound {
  const text = singleValue(token, key, current);
  if (ISO_DAY.test(text) && !isIsoDay(text)) fail(token, `${text} is not a date.`, key);
  return { text, token: token.raw };
}

function applyFilter(spec: FilterSpec, token: CommandToken, key: FilterKey): void {
  switch (key) {
    case 'type':
      spec.types.push(...listValue(token, key));
      return;
    case 'action':
      spec.actions.push(...listValue(token, key));
      return;
    case 'by':
      addAuthor(spec, token);
      return;
    case 'contact':
      spec.contactText = singleValue(token, key, spec.contactText);
      return;
    case 'address':
      spec.addressText = singleValue(token, key, spec.addressText);
      return;
    case 'org':
      spec.organisation = { name: singleValue(token, key, spec.organisation), token: token.raw };
      return;
    case 'from':
      spec.from = dateBound(token, key, spec.from);
      return;
    case 'to':
      spec.to = dateBound(token, key, spec.to);
      return;
    case 'has': {
      const value = plainText(tokenValue(token)).trim().toLowerCase();
      if (!['files', 'file', 'attachments', 'attachment'].includes(value)) {
        fail(token, `"${value}" is not a has: value.`, key);
      }
      spec.hasAttachments = true;
      return;
    }
    case 'followup':
      if (spec.followUp !== undefined) fail(token, 'followup: is given twice; keep one.', key);
      spec.followUp = oneOf(token, key, FOLLOW_UP_FILTERS);
      return;
    case 'sort':
      if (spec.sort !== undefined) fail(token, 'sort: is given twice; keep one.', key);
      spec.sort = oneOf(token, key, LIST_SORTS);
      return;
  }
}

/** Reads the filter words of `list` / `export`. Throws CommandSyntaxError naming the bad token. */
export function parseFilterTokens(tokens: readonly CommandToken[]): FilterSpec {
  const spec = emptyFilterSpec();
  for (const token of tokens) {
    const key = token.quoted ? undefined : tokenKey(token);
    if (key !== undefined) {
      const filterKey = keywordIn(KEY_ALIASES, key);
      if (filterKey === undefined) fail(token, `"${key}:" is not a filter.`, 'unknown');
      applyFilter(spec, token, filterKey);
    } else if (!token.quoted && token.text.toLowerCase() === 'important') {
      spec.importantOnly = true;
    } else {
      const word = plainText(token.text).trim();
      if (word.length > 0) spec.words.push(word);
    }
  }
  return spec;
}

/** True when the user typed nothing that narrows or orders the list. */
export function isEmptyFilterSpec(spec: FilterSpec): boolean {
  return (
    spec.types.length === 0 &&
    spec.actions.length === 0 &&
    spec.authorIds.length === 0 &&
    spec.authorNames.length === 0 &&
    !spec.byMe &&
    spec.contactText === undefined &&
    spec.addressText === undefined &&
    spec.organisation === undefined &&
    spec.from === undefined &&
    spec.to === undefined &&
    !spec.importantOnly &&
    !spec.hasAttachments &&
    spec.followUp === undefined &&
    spec.words.length === 0 &&
    spec.sort === undefined
  );
}
