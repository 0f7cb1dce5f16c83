import { describe, expect, it } from 'vitest';
import { createContainer } from '../../../src/app/container.js';
import { silentLogger } from '../../../src/core/shared/ports.js';
import { createTenantCache, type Tenant } from '../../../src/core/workspaces/tenant.js';
import { TestClock } from '../../slack/support/slack-app.js';
import { useTestDatabase } from '../../support/test-database.js';

describe('settings, lists and roles written anywhere reach the tenant cache at once', () => {
  const handle = useTestDatabase();

  it('drops only the changed workspace, for settings, a new type typed while logging, and a role', async () => {
    const clock = new TestClock();
    const container = createContainer(handle.db, { logger: silentLogger, clock });
    const { workspaces } = container;
    const cache = createTenantCache(clock, container.workspaceChanges);
    const loads: string[] = [];
    // Ann and Ben installed the app in their organisations (owners); Cid is Ann's colleague.
    const installers = new Set(['ann', 'ben']);
    const tenantOf = (team: string, userId: string) =>
      cache.get(`${team}|${userId}`, async (): Promise<Tenant> => {
        loads.push(`${team}|${userId}`);
        const workspace = await workspaces.resolveWorkspace({
          platform: 'teams',
          externalId: team,
          name: '',
        });
        const actor = await workspaces.resolveActor({
          workspace,
          userId,
          displayName: userId,
          installer: installers.has(userId),
        });
        return { workspace, actor };
      });

    const a = await tenantOf('tenant-a', 'ann');
    const b = await tenantOf('tenant-b', 'ben');
    const annsColleague = await tenantOf('tenant-a', 'cid');
    await tenantOf('tenant-a', 'ann');
    expect(loads).toHaveLength(3);

    // Settings saved in workspace A: A is read again, B stays cached.
    await workspaces.updateSettings(a.actor, { timezone: 'Europe/Paris' });
    expect((await tenantOf('tenant-a', 'ann')).workspace.settings.timezone).toBe('Europe/Paris');
    await tenantOf('tenant-b', 'ben');
    expect(loads).toEqual(['tenant-a|ann', 'tenant-b|ben', 'tenant-a|cid', 'tenant-a|ann']);

    // A type typed on the spot in B joins B's list: B is read again, with it.
    const contact = await container.contacts.createContact(b.actor, { firstName: 'Zoé', lastName: 'Ruiz' });
    await container.interactions.logInteraction(b.actor, {
      idempotencyKey: 'changes-1',
      contactIds: [contact.id],
      type: 'Séance',
    });
    expect((await tenantOf('tenant-b', 'ben')).workspace.settings.interactionTypes).toContain('Séance');

    // A role changed in A: the person's next request carries it.
    expect(annsColleague.actor.role).toBe('member');
    await workspaces.setRole(a.actor, { userId: 'cid', role: 'viewer' });
    expect((await tenantOf('tenant-a', 'cid')).actor.role).toBe('viewer');
    expect(loads.filter((key) => key === 'tenant-b|ben')).toHaveLength(2);
  });
});
