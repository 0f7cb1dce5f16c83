/** Keys whose string values a person reads: message and card texts, titles, field errors. */
const READ_KEYS = new Set(['text', 'title', 'errorMessage', 'errors', 'error']);

/**
 * Every text a person could read in a payload the bot produced (a Slack ack or API call, a
 * Teams activity or invoke answer), so the invariants can tell an error answer from a success.
 */
export function readableTexts(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      if (key !== undefined && READ_KEYS.has(key)) found.push(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    // Slack field errors are { block_id: message }: their values are read whatever the key.
    for (const [child, inner] of Object.entries(node)) walk(inner, key === 'errors' ? 'errors' : child);
  };
  walk(value);
  const record = value as { response_action?: unknown } | null;
  if (typeof record === 'object' && record?.response_action === 'errors') found.push('[field errors]');
  return found;
}
