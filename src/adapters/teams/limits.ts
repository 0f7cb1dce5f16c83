/**
 * What Teams and the Bot Connector accept, in one table, so renderers truncate and page
 * instead of being refused. Sources: Microsoft Learn "Format your bot messages" (a bot message
 * may be ~100 KB, but incoming webhooks, Workflows and Graph posts stop at 28 KB — the budget
 * here, so a card fits every way it can travel), Adaptive Cards 1.5 as Teams renders it.
 */
export const TEAMS_LIMITS = {
  /** Serialized activity bytes; beyond it the connector answers 413 MessageSizeTooBig. */
  cardBytes: 28 * 1024,
  /** Adaptive Card schema version Teams renders (Action.Execute needs 1.4+). */
  cardVersion: '1.5',
  /** Text shown in one TextBlock before we cut it (long notes stay readable, cards stay small). */
  textBlockChars: 2_000,
  /** Title and fact lengths: longer ones wrap badly on mobile. */
  titleChars: 200,
  factTitleChars: 60,
  factValueChars: 500,
  /** Actions in one set: the Adaptive Cards host default the renderer enforces ("Maximum number of actions exceeded"). */
  actionsPerSet: 5,
  /** Choices in one Input.ChoiceSet returned by a type-ahead search. */
  searchChoices: 15,
  /** Message-extension search results per page. */
  messageExtensionResults: 25,
  /** Input.Text maxLength: the core's description limit is longer, but a dialog field is not a document. */
  descriptionChars: 5_000,
  /** Items per timeline or list card: each item is about 1 KB of card JSON. */
  itemsPerCard: 10,
} as const;

/**
 * Per bot, per conversation ("thread") limits from Microsoft Learn "Optimize your bot with rate
 * limiting and best practices in Teams": creating, replying to, updating or deleting a message
 * all count. Beyond them the connector answers 429 with Retry-After.
 */
export const TEAMS_THREAD_RATE_LIMITS = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
] as const;

/** Text cut to `max` characters with an ellipsis: as it is for plain-text surfaces, else through `userText`. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Adaptive Card TextBlocks and FactSets render a markdown subset: a user's `**`, `_`, `[x](y)`
 * or a leading `-`/`1.` would restyle the card or turn into a link, and a typed `<at>…</at>` is
 * what Teams turns into a mention. Backslash-escaping every such character (CommonMark escapes
 * any ASCII punctuation; Teams honours them in TextBlock and Fact) keeps the text literal.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}[\]()#+!|~<>&])/g, '\\$1')
    .replace(/^(\s*)-/gm, '$1\\-')
    .replace(/^(\s*)(\d+)\./gm, '$1$2\\.');
}

/**
 * The one way user-typed text (types, actions, names, descriptions, file names, messages that
 * quote what was typed…) reaches a markdown surface in Teams: cut, then escaped. Plain-text
 * surfaces (button titles, choices, dialog close messages) take `truncate` instead, since they
 * would show the backslashes.
 */
export function userText(text: string, max: number = TEAMS_LIMITS.textBlockChars): string {
  return escapeMarkdown(truncate(text, max));
}

export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
