/**
 * Adaptive Card checks as Teams applies them, on the real `adaptivecards` parser (3.0.6).
 * The UMD bundle is loaded because the package's ESM `lib/` cannot be imported in Node.
 */
import { createRequire } from 'node:module';

interface ValidationEvent {
  message: string;
}
interface SerializationContext {
  readonly eventCount: number;
  getEventAt(i: number): ValidationEvent;
}
interface AdaptiveCard {
  parse(json: unknown, context: SerializationContext): void;
  validateProperties(): { validationEvents: ValidationEvent[] };
}
interface AdaptiveCardsModule {
  SerializationContext: new (version: unknown) => SerializationContext;
  AdaptiveCard: new () => AdaptiveCard;
  Versions: { v1_5: unknown };
}

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Highest Adaptive Card schema version Teams renders. */
export const TEAMS_MAX_CARD_VERSION = '1.5';
/** Size budget for one activity: serialized JSON bytes (UTF-8). */
export const MAX_ACTIVITY_BYTES = 28 * 1024;

/**
 * Properties the Adaptive Card 1.5 schema marks required that the `adaptivecards` parser does
 * not check itself (it does check Action.OpenUrl.url, Action.ShowCard.card and input ids).
 */
const REQUIRED: Record<string, readonly string[]> = {
  TextBlock: ['text'],
  Image: ['url'],
  TextRun: ['text'],
  RichTextBlock: ['inlines'],
  FactSet: ['facts'],
  Media: ['sources'],
  ImageSet: ['images'],
  Container: ['items'],
  TableCell: ['items'],
  'Input.Toggle': ['title'],
  'Action.ToggleVisibility': ['targetElements'],
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function missing(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Walks the card JSON: required-property errors, and the type names used without a fallback. */
function walk(node: unknown, path: string, errors: string[], typesWithoutFallback: Set<string>): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      walk(child, `${path}[${i}]`, errors, typesWithoutFallback);
    });
    return;
  }
  if (!isObject(node)) return;
  const type = typeof node.type === 'string' ? node.type : undefined;
  if (type) {
    if (node.fallback === undefined) typesWithoutFallback.add(type);
    for (const prop of REQUIRED[type] ?? []) {
      if (missing(node[prop])) errors.push(`${path}: ${type} requires property "${prop}".`);
    }
    if (type === 'FactSet' && Array.isArray(node.facts)) {
      node.facts.forEach((fact, i) => {
        if (!isObject(fact) || typeof fact.title !== 'string' || typeof fact.value !== 'string') {
          errors.push(`${path}.facts[${i}]: a Fact requires string "title" and "value".`);
        }
      });
    }
  }
  for (const [key, value] of Object.entries(node)) {
    // `data` is the app's own payload: anything goes there (including objects with a "type").
    if (key === 'data' || key === 'fallback') continue;
    walk(value, `${path}.${key}`, errors, typesWithoutFallback);
  }
}

function compareVersion(version: string, max: string): number {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = max.split('.').map(Number);
  return a !== c ? a - c : b - d;
}

/**
 * Errors Teams would refuse an Adaptive Card for (`[]` when valid): not an AdaptiveCard, no
 * version or one above 1.5, unknown element/action types (unless they carry a `fallback`),
 * elements newer than 1.5, invalid property values, missing required properties, missing or
 * duplicate input ids.
 */
/**
 * What Teams renders in 1.5 cards although the public schema dates it 1.6: dynamic type-ahead
 * (`Input.ChoiceSet` with `choices.data` of type `Data.Query`, answered by `application/search`),
 * documented by Microsoft Learn "Typeahead search in Adaptive Cards" for Teams cards. Nothing
 * else newer than 1.5 is let through.
 */
const TEAMS_EXTENSIONS_IN_1_5 = [/^Property "choices\.data" is supported in version 1\.6/];

export function validateTeamsCard(card: unknown): string[] {
  if (!isObject(card)) return ['The card must be a JSON object.'];
  const errors: string[] = [];
  if (card.type !== 'AdaptiveCard')
    errors.push(`The card's type must be "AdaptiveCard", not ${JSON.stringify(card.type)}.`);
  if (typeof card.version !== 'string' || !/^\d+\.\d+$/.test(card.version)) {
    errors.push(
      `The card needs a "version" such as "${TEAMS_MAX_CARD_VERSION}" (got ${JSON.stringify(card.version)}).`,
    );
  } else if (compareVersion(card.version, TEAMS_MAX_CARD_VERSION) > 0) {
    errors.push(
      `Card version ${card.version} is above ${TEAMS_MAX_CARD_VERSION}, the highest Teams supports.`,
    );
  }

  const typesWithoutFallback = new Set<string>();
  walk(card, '$', errors, typesWithoutFallback);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  try {
    parsed.parse(card, context);
  } catch (error) {
    return [...errors, `The card could not be parsed: ${(error as Error).message}`];
  }
  for (let i = 0; i < context.eventCount; i++) {
    const { message } = context.getEventAt(i);
    const unknownType = /^Unknown (?:element|action) type "([^"]+)"/.exec(message)?.[1];
    // An unknown type with a fallback is legal: Teams renders (or drops) the fallback.
    if (unknownType !== undefined && !typesWithoutFallback.has(unknownType)) continue;
    if (TEAMS_EXTENSIONS_IN_1_5.some((pattern) => pattern.test(message))) continue;
    errors.push(message);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    if (/card's type property/.test(event.message)) continue; // already reported above
    errors.push(event.message);
  }
  return [...new Set(errors)];
}

/** True when the activity's serialized JSON is within the 28 KB budget. */
export function checkActivitySize(activity: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(activity) ?? '', 'utf8') <= MAX_ACTIVITY_BYTES;
}

/** Validation errors for every Adaptive Card attachment of an activity (`[]` when all valid). */
export function validateActivityCards(activity: unknown): string[] {
  if (!isObject(activity) || activity.attachments === undefined) return [];
  if (!Array.isArray(activity.attachments)) return ['attachments must be an array.'];
  const errors: string[] = [];
  activity.attachments.forEach((attachment, i) => {
    if (!isObject(attachment) || typeof attachment.contentType !== 'string') {
      errors.push(`attachments[${i}]: an attachment needs a contentType.`);
      return;
    }
    if (attachment.contentType !== ADAPTIVE_CARD_CONTENT_TYPE) return;
    let content = attachment.content;
    if (typeof content === 'string') {
      try {
        content = JSON.parse(content);
      } catch {
        errors.push(`attachments[${i}]: the card content is not valid JSON.`);
        return;
      }
    }
    for (const message of validateTeamsCard(content)) errors.push(`attachments[${i}]: ${message}`);
  });
  return errors;
}
