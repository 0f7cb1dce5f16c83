/**
 * A count in words, the same on every surface: "1 result", "1,234 results", or "more than
 * 1,000 results" when the count stopped (a list that searches text: countLimitFor).
 */
export function countPhrase(total: number, moreThan: boolean, one: string, many = `${one}s`): string {
  const figure = total.toLocaleString('en-US');
  if (moreThan) return `more than ${figure} ${many}`;
  return `${figure} ${total === 1 ? one : many}`;
}

/** The same phrase opening a sentence or a line. */
export function countPhraseFirst(total: number, moreThan: boolean, one: string, many = `${one}s`): string {
  const phrase = countPhrase(total, moreThan, one, many);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
