import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../payloads/unreadable-support.js';
import { useSlackApp } from '../support/slack-app.js';
import { addContact, lastResponseUrlBody, logFor, seedWorkspace } from './support.js';

/**
 * Pasted text can hold characters nobody types: NUL, other controls, lone surrogates. A NUL
 * used to end SQLite's FTS5 query string half-way, so the search failed with "something went
 * wrong" instead of finding nothing. They fold to a space like whitespace (foldForSearch).
 */
describe('searches with control characters', () => {
  const log = recordingLogger();
  const slack = useSlackApp({ logger: log.logger });
  beforeAll(async () => {
    const seeded = await seedWorkspace(slack);
    const nul = await addContact(slack, seeded.owner, { firstName: 'Nula', lastName: 'Berg' });
    await logFor(slack, seeded.owner, nul, { description: 'Annual review' });
  });

  beforeEach(() => {
    log.lines.length = 0;
  });

  const errors = () => log.lines.filter((line) => line.level === 'error');
  const answer = () => JSON.stringify(lastResponseUrlBody(slack));

  it('an export filtered by text with NUL, controls and lone surrogates answers that nothing matches', async () => {
    await slack.command(
      'export 򽰉󁚼4\u001a\udd4c\udaa9⨙`\u000fA\u000b򐄂\u0000݊\udb21↲޺aⲢ􈿴ﾥS{\u001079񯁣\udc09\u0013򸾳',
    );
    expect(answer()).toContain('Nothing matches these filters');
    expect(errors()).toEqual([]);
  });

  it('a NUL inside a text filter is a space: the text around it still finds the interaction', async () => {
    await slack.command('list annual\u0000review');
    expect(answer()).toContain('Annual review');
    expect(errors()).toEqual([]);
  });

  it('contacts search with a NUL finds the contact by the text after it', async () => {
    await slack.command('contacts search \u0000nul &lt;&amp;&gt;');
    expect(answer()).not.toContain('Something went wrong');
    await slack.command('contacts search \u0000nula');
    expect(answer()).toContain('Nula');
    expect(errors()).toEqual([]);
  });
});
