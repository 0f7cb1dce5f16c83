import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines.js';
import { makeMember, makeWorkspace, T0 } from '../support/fixtures.js';

const later = new Date(T0.getTime() + 60_000);

describe.each(ENGINES)('workspaces and members on $name', (engine) => {
  const store = engine.use();
  const workspaces = () => store.storage.repositories.workspaces;
  const members = () => store.storage.repositories.members;

  it('creates a workspace once when two processes resolve it at the same moment', async () => {
    const other = await store.second();
    const first = makeWorkspace({ externalId: 'T-race' });
    const second = makeWorkspace({ externalId: 'T-race' });
    const [a, b] = await Promise.all([
      workspaces().insertOrGet(first),
      other.repositories.workspaces.insertOrGet(second),
    ]);
    expect(a).toEqual(b);
    expect(await workspaces().findByExternalId('slack', 'T-race')).toEqual(a);
    expect(await workspaces().findById(a.id)).toEqual(a);
    expect(await workspaces().findByExternalId('teams', 'T-race')).toBeNull();
  });

  it('saves only the settings given, and adds only missing list entries', async () => {
    const workspace = await workspaces().insertOrGet(makeWorkspace());
    await workspaces().updateSettings(workspace.id, { timezone: 'Europe/Paris' }, later);
    await workspaces().addToLists(workspace.id, { interactionTypes: ['Lunch'], actions: ['Sent flowers'] });
    await workspaces().addToLists(workspace.id, { interactionTypes: ['Lunch', 'Dinner', 'Call'] });
    await workspaces().updateSettings(
      workspace.id,
      { report: { enabled: true, weekday: 5, time: '17:00', channelId: 'C1' } },
      later,
    );
    const saved = await workspaces().findById(workspace.id);
    expect(saved?.settings).toEqual({
      ...workspace.settings,
      timezone: 'Europe/Paris',
      interactionTypes: [...workspace.settings.interactionTypes, 'Lunch', 'Dinner'],
      actions: [...workspace.settings.actions, 'Sent flowers'],
      report: { enabled: true, weekday: 5, time: '17:00', channelId: 'C1' },
    });
    expect(saved?.updatedAt).toEqual(later);
    expect((await workspaces().listWithReportsEnabled()).map((w) => w.id)).toContain(workspace.id);
    expect((await workspaces().listIdentities()).find((w) => w.id === workspace.id)).toEqual({
      id: workspace.id,
      platform: workspace.platform,
      externalId: workspace.externalId,
    });
  });

  it.runIf(engine.atomicUpdates)('never loses a list entry two processes add at once', async () => {
    const workspace = await workspaces().insertOrGet(makeWorkspace());
    const other = await store.second();
    await Promise.all([
      workspaces().addToLists(workspace.id, { interactionTypes: ['Lunch'] }),
      other.repositories.workspaces.addToLists(workspace.id, { interactionTypes: ['Dinner'] }),
    ]);
    const types = (await workspaces().findById(workspace.id))?.settings.interactionTypes;
    expect(types?.slice(-2).sort()).toEqual(['Dinner', 'Lunch']);
  });

  it('registers a member once, then changes role and profile within the workspace', async () => {
    const ada = makeMember({ workspaceId: 'ws-m', userId: 'U-ada', displayName: 'Ada', role: 'owner' });
    expect(await members().insertOrGet(ada)).toEqual(ada);
    expect(await members().insertOrGet({ ...ada, displayName: 'Someone else', role: 'viewer' })).toEqual(ada);
    await members().insertOrGet(makeMember({ workspaceId: 'ws-m', userId: 'U-bob', displayName: 'Bob' }));
    await members().insertOrGet(makeMember({ workspaceId: 'ws-m2', userId: 'U-ada', role: 'owner' }));
    expect(await members().countOwners('ws-m')).toBe(1);
    await members().setRole('ws-m', 'U-bob', 'owner', later);
    await members().updateMember('ws-m', 'U-ada', { timezone: 'Europe/Paris' }, later);
    expect(await members().countOwners('ws-m')).toBe(2);
    expect(await members().find('ws-m', 'U-ada')).toEqual({
      ...ada,
      timezone: 'Europe/Paris',
      updatedAt: later,
    });
    expect((await members().list('ws-m')).map((m) => m.displayName)).toEqual(['Ada', 'Bob']);
    expect(await members().find('ws-other', 'U-ada')).toBeNull();
  });
});
