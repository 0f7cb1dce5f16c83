import { describe, expect, it } from 'vitest';
import { cardOf, cardText } from './support/cards.js';
import { seedTenant } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';

/** A NUL in a search used to end SQLite's FTS5 query half-way: "something went wrong". */
describe('Teams searches with control characters', () => {
  const t = useTeamsApp();
  const lastReply = () => t.connector.messages(personalChat('alice')).at(-1);

  it('search with a NUL answers that nothing matches', async () => {
    await seedTenant(t.container);
    const response = await t.message('search \u0000nul &lt;&amp;&gt;');
    expect(response.status).toBe(200);
    expect(cardText(cardOf(lastReply()))).toContain('Nothing matches these filters.');
  });
});
