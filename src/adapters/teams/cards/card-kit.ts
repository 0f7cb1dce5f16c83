import type {
  CardElement,
  IAdaptiveCard,
  IExecuteAction,
  IFact,
  IOpenUrlAction,
  ISubmitAction,
  ITextBlock,
} from '@microsoft/teams.cards';
import { BoundedCache } from '../../../core/exports/bounded-cache.js';
import { createDateFormatter, type DateFormatter } from '../../../core/exports/date-format.js';
import { DIALOG_KEY, type DialogName, type VerbName } from '../ids.js';
import { TEAMS_LIMITS, truncate, userText } from '../limits.js';

/** Dates in the workspace zone and format, like every other surface. */
export interface CardRenderOptions {
  timeZone: string;
  dateFormat: string;
}

export type CardAction = IExecuteAction | ISubmitAction | IOpenUrlAction;

/** Version 1.5: what Teams renders, and the first with Action.Execute everywhere it runs. */
export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: TEAMS_LIMITS.cardVersion,
    body,
    ...(actions.length > 0 ? { actions: actions.slice(0, TEAMS_LIMITS.actionsPerSet) } : {}),
    msteams: { width: 'full' },
  };
}

export function text(value: string, options: Partial<Omit<ITextBlock, 'type' | 'text'>> = {}): ITextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A heading from user data (a contact's name): escaped, so it cannot restyle the card. */
export function heading(value: string): ITextBlock {
  return text(userText(value, TEAMS_LIMITS.titleChars), { size: 'Large', weight: 'Bolder' });
}

export function subtle(value: string): ITextBlock {
  return text(value, { isSubtle: true, size: 'Small', spacing: 'None' });
}

export function facts(rows: { title: string; value: string }[]): CardElement {
  const list: IFact[] = rows.map((row) => ({
    title: truncate(row.title, TEAMS_LIMITS.factTitleChars),
    value: truncate(row.value, TEAMS_LIMITS.factValueChars),
  }));
  return { type: 'FactSet', facts: list };
}

/**
 * A button answered by `adaptiveCard/action` with a refreshed card. The verb says what, the
 * data carries the few ids it needs; inputs are sent only when the button asks for them.
 */
export function execute(
  title: string,
  verb: VerbName,
  data: Record<string, unknown> = {},
  options: { style?: 'positive' | 'destructive'; inputs?: boolean } = {},
): IExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { verb, ...data },
    associatedInputs: options.inputs ? 'auto' : 'none',
    ...(options.style ? { style: options.style } : {}),
  };
}

/** A button that opens a dialog (task module): Teams sends `task/fetch` with this data. */
export function openDialog(
  title: string,
  dialog: DialogName,
  data: Record<string, unknown> = {},
): ISubmitAction {
  return {
    type: 'Action.Submit',
    title,
    data: { msteams: { type: 'task/fetch' }, [DIALOG_KEY]: dialog, ...data },
  };
}

/**
 * Data of a button that opens the log dialog for these contacts. Their names travel with it,
 * so the dialog opens without a database read (the submit still checks every id in the tenant).
 */
export function logDialogFor(
  contacts: readonly { id: string; name: string }[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { contactIds: contacts.map((c) => c.id), contactNames: contacts.map((c) => c.name), ...extra };
}

/**
 * A markdown link to a stored http(s) address (a message the interaction was logged from):
 * characters that would end the link early are percent-encoded, anything else is no link.
 */
export function markdownLink(label: string, url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  const safe = url.replace(
    /[()<>\s[\]\\]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${userText(label, TEAMS_LIMITS.titleChars)}](${safe})`;
}

export function openUrl(title: string, url: string): IOpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: CardAction[]): CardElement {
  return { type: 'ActionSet', actions: actions.slice(0, TEAMS_LIMITS.actionsPerSet) };
}

/** Workspaces' (format, zone) pairs: validating both for every date shown cost more than the card. */
const formatters = new BoundedCache<string, DateFormatter>(256);

export function formatWhen(date: Date, options: CardRenderOptions): string {
  const key = `${options.dateFormat}\n${options.timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = createDateFormatter(options.dateFormat, options.timeZone);
    formatters.set(key, formatter);
  }
  return formatter(date);
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** A text-only card: the friendly answer to a refused or failed action, shown where the card was. */
export function noticeCard(message: string, title?: string): IAdaptiveCard {
  return adaptiveCard([...(title ? [text(title, { weight: 'Bolder', size: 'Medium' })] : []), text(message)]);
}
