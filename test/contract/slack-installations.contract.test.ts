import type { Installation } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import { MongoInstallationStore } from '../../src/infra/mongo/repositories/slack-installation.store.js';
import { ENGINES } from '../support/engines.js';
import { useTestDatabase } from '../support/test-database.js';

function teamInstall(teamId: string, token: string, enterpriseId?: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: enterpriseId ? { id: enterpriseId, name: 'Grid' } : undefined,
    user: { id: 'U0001', token: undefined, scopes: undefined },
    bot: { token, scopes: ['commands', 'chat:write'], id: 'B1', userId: 'UBOT' },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

function orgInstall(enterpriseId: string, token: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid' },
    user: { id: 'U0001', token: undefined, scopes: undefined },
    bot: { token, scopes: ['commands'], id: 'B2', userId: 'UBOT2' },
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

describe.each(ENGINES)('Slack installation store on $name', (engine) => {
  const handle = engine.use();
  const store = () => handle.storage.slackInstallations;

  it('stores and fetches one installation per team', async () => {
    await store().storeInstallation(teamInstall('T1', 'fake-bot-token-one'));
    await store().storeInstallation(teamInstall('T2', 'fake-bot-token-two'));
    const one = await store().fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const two = await store().fetchInstallation({
      teamId: 'T2',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(one.bot?.token).toBe('fake-bot-token-one');
    expect(two.bot?.token).toBe('fake-bot-token-two');
  });

  it('replaces the stored installation on reinstall', async () => {
    await store().storeInstallation(teamInstall('T3', 'fake-bot-token-old'));
    await store().storeInstallation(teamInstall('T3', 'fake-bot-token-new'));
    const found = await store().fetchInstallation({
      teamId: 'T3',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(found.bot?.token).toBe('fake-bot-token-new');
  });

  it('keys an org-wide Enterprise Grid install by the enterprise, not by a team', async () => {
    await store().storeInstallation(orgInstall('E1', 'fake-bot-token-org'));
    const viaOrg = await store().fetchInstallation({
      teamId: undefined,
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
    expect(viaOrg.bot?.token).toBe('fake-bot-token-org');
    // A single-team install inside the same grid stays separate from the org-wide one.
    await store().storeInstallation(teamInstall('T4', 'fake-bot-token-team-in-grid', 'E1'));
    const viaTeam = await store().fetchInstallation({
      teamId: 'T4',
      enterpriseId: 'E1',
      isEnterpriseInstall: false,
    });
    expect(viaTeam.bot?.token).toBe('fake-bot-token-team-in-grid');
  });

  it('throws for an unknown team so Bolt refuses the request', async () => {
    await expect(
      store().fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/No installation/);
  });

  it('deletes an installation (uninstall, token revoked)', async () => {
    await store().storeInstallation(teamInstall('T5', 'fake-bot-token-five'));
    await store().deleteInstallation?.({ teamId: 'T5', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      store().fetchInstallation({ teamId: 'T5', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow();
  });
});

describe('MongoDB installation documents', () => {
  const handle = useTestDatabase();
  const store = () => new MongoInstallationStore(handle.db.connection);

  it('stores the installation as a JSON string, never as a Slack-shaped sub-document', async () => {
    await store().storeInstallation(teamInstall('T6', 'fake-bot-token-six'));
    const raw = await handle.db.connection
      .getClient()
      .db(handle.db.connection.name)
      .collection<{ _id: string; installation: unknown }>('slack_installations')
      .findOne({ _id: 'T:T6' });
    expect(typeof raw?.installation).toBe('string');
  });
});
