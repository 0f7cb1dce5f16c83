import { describe, expect, it } from 'vitest';
import { storageOf } from '../../src/app/container.js';
import { action, cardOf, cardText } from './support/cards.js';
import { OTHER_TENANT, personalChat, USERS, useTeamsApp } from './support/teams-app.js';

/**
 * Who administers the app in a Teams organisation is whoever installed it, never who happened to
 * write first; guests (the roster's userRole "guest") only read. Over HTTP, against the fake
 * Bot Connector's roster.
 */
describe('the role a person starts with in Teams', () => {
  const t = useTeamsApp();
  /** What the person last saw in their chat with the bot: a plain message's text, or a card's. */
  const reply = (user: 'alice' | 'bob' | 'vera'): string => {
    const last = t.connector.messages(personalChat(user)).at(-1);
    return typeof last?.text === 'string' && last.text.length > 0 ? last.text : cardText(cardOf(last));
  };
  const paris = { localTimezone: 'Europe/Paris' };

  it('does not make the first person to write an admin, and tells them how the organisation gets one', async () => {
    await t.message('settings', { user: 'bob' });
    expect(reply('bob')).toContain('no Interaction Log admin yet');
    expect(reply('bob')).toContain('Whoever installs the app becomes one');
  });

  it('makes the person who installs the app into an organisation without an admin its owner', async () => {
    await t.event({ type: 'installationUpdate', action: 'add', ...paris }, { user: 'alice' });
    await t.message('settings', { user: 'alice', extra: paris });
    expect(reply('alice')).toContain('Workspace settings');
  });

  it('does not make an owner of someone who later adds the app for themselves', async () => {
    await t.event({ type: 'installationUpdate', action: 'add' }, { user: 'bob' });
    await t.message('settings', { user: 'bob' });
    expect(reply('bob')).toContain('Only workspace admins');
  });

  it("creates the organisation's workspace in its installer's time zone", async () => {
    await t.event(
      { type: 'installationUpdate', action: 'add', ...paris },
      { user: 'alice', tenant: OTHER_TENANT },
    );
    const workspace = await storageOf(t.container).repositories.workspaces.findByExternalId(
      'teams',
      OTHER_TENANT,
    );
    expect(workspace?.settings.timezone).toBe('Europe/Paris');
  });

  it('lets a guest read but offers them nothing to write', async () => {
    t.connector.setUserRole(USERS.vera.aad, 'guest');
    await t.message('help', { user: 'vera' });
    const help = cardOf(t.connector.messages(personalChat('vera')).at(-1));
    expect(() => action(help, 'Log an interaction')).toThrow();
    await t.message('help', { user: 'bob' });
    const bobs = cardOf(t.connector.messages(personalChat('bob')).at(-1));
    expect(action(bobs, 'Log an interaction').data).toMatchObject({ dialog: 'log' });
  });
});
