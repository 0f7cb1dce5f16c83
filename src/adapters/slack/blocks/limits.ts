import { tz } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * The one Block Kit limits table (docs: slack-platform.md §1; section in brackets). Renderers
 * truncate against it on purpose rather than letting Slack reject a message.
 */
export const LIMITS = {
  /** [§1.1] */
  messageBlocks: 50,
  viewBlocks: 100,
  /**
   * [§1.1] `msg_blocks_too_long` is undocumented; rejections were reported from ~11,300 text
   * chars. We budget all text of a message's blocks below the 12,000 a maintainer quoted.
   */
  messageTextBudget: 11_000,
  markdownText: 12_000,
  /** [§1.2] */
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextActionsElements: 5,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  /** [§1.3] */
  textObject: 3000,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  accessibilityLabel: 75,
  placeholder: 150,
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  optionText: 75,
  /** ⚠ docs say 150, @slack/types JSDoc says 75: we keep to the safe 75. */
  optionValue: 75,
  optionDescription: 75,
  overflowOptions: 5,
  checkboxOptions: 10,
  radioOptions: 10,
  plainTextInputLength: 3000,
  fileInputMaxFiles: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** [§1.4] */
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  /** [§1.5] chat.postMessage `text` is cut (with a warning) past this. */
  messageText: 40_000,
} as const;

export type LimitName = keyof typeof LIMITS;

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units, ending with "…"; never splits a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ELLIPSIS.length;
  // Cutting between the halves of an emoji would leave an invalid lone surrogate.
  if (cut > 0 && /[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
  return text.slice(0, Math.max(cut, 0)) + ELLIPSIS;
}

/**
 * Escapes mrkdwn's three control characters (§1.6). Only these: Slack decodes no other entity,
 * so HTML-escaping quotes would show `&#39;` to users.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes then fits into `max`, cutting the raw text (never inside an entity such as `&amp;`),
 * so the result is both safe and within the limit. `truncated` says whether anything was cut.
 */
export function escapeAndTruncate(text: string, max: number): { text: string; truncated: boolean } {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return { text: escaped, truncated: false };
  const budget = max - ELLIPSIS.length;
  let length = 0;
  let out = '';
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (length + piece.length > budget) break;
    out += piece;
    length += piece.length;
  }
  return { text: out + ELLIPSIS, truncated: true };
}

export interface DateFallback {
  timeZone: string;
  /** date-fns pattern, the workspace's dateFormat (e.g. `dd/MM/yyyy HH:mm`). */
  format: string;
}

/** Slack's default rendering: "Nov 12, 2026 at 10:00", in each reader's own timezone. */
export const SLACK_DATE_TOKENS = '{date_short_pretty} at {time}';

/**
 * `<!date^epoch^tokens|fallback>` (§1.6): every reader sees the date in their own timezone.
 * The fallback (old clients, notifications) is computed in the workspace timezone and
 * escaped, so an admin's date format cannot break the token.
 */
export function slackDate(date: Date, tokens: string, fallback: string | DateFallback): string {
  const epoch = Math.floor(date.getTime() / 1000);
  const text =
    typeof fallback === 'string' ? fallback : format(date, fallback.format, { in: tz(fallback.timeZone) });
  // `|` and `^` delimit the token itself; a fallback containing them would corrupt it.
  const safeText = escapeMrkdwn(text).replace(/[|^]/g, ' ');
  return `<!date^${epoch}^${tokens.replace(/[|^<>]/g, '')}|${safeText}>`;
}

/** Exhaustiveness guard for switches over unions: a new case without a branch fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
