/**
 * Folds text for accent- and case-insensitive substring search ("levy" finds "Lévy").
 * Stored alongside the original so a plain regex can search it on MongoDB and FerretDB alike
 * (neither collation nor $text is portable; see docs/mongodb-subset.md).
 * Control characters and lone surrogates fold to a space like whitespace: nobody can type them
 * on purpose, and a NUL ends SQLite's FTS5 query string half-way ("unterminated string"), so a
 * pasted one made every search and export of that text fail instead of finding nothing.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\p{Cc}\p{Cs}]+/gu, ' ')
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
