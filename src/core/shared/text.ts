/**
 * Folds text for accent- and case-insensitive substring search ("levy" finds "Lévy").
 * Stored alongside the original so a plain regex can search it on MongoDB and FerretDB alike
 * (neither collation nor $text is portable; see docs/mongodb-subset.md).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes user text so it matches literally inside a RE2-compatible regex. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source that matches the folded user text anywhere. */
export function containsPattern(userText: string): string {
  return escapeRegex(foldForSearch(userText));
}

/** Keeps only digits (and a leading +) so "+33 6 12-34" matches "0612 34". */
export function digitsOnly(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

/**
 * A word looked up in a table of keywords: only the table's own entries count, so typed text
 * such as `__proto__` or `constructor` never reaches Object.prototype.
 */
export function keywordIn<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}
