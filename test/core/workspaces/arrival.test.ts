import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/core/shared/actor.js';
import { type ArrivalFacts, arrivalRole, returningRole } from '../../../src/core/workspaces/arrival.js';
import { personalTime, workspaceTime } from '../../../src/core/workspaces/personal-time.js';
import { defaultSettings, type Workspace } from '../../../src/core/workspaces/workspace.js';

const nobody: ArrivalFacts = {
  installer: false,
  platformAdmin: false,
  guest: false,
  factsUnknown: false,
  workspaceHasOwner: false,
  defaultRole: 'member',
};

describe('the role an arriving person gets (both platforms)', () => {
  it.each<[string, Partial<ArrivalFacts>, Role]>([
    ['a plain person, even the very first', {}, 'member'],
    ['a plain person once viewer is the default', { defaultRole: 'viewer' }, 'viewer'],
    ['a platform admin', { platformAdmin: true, workspaceHasOwner: true }, 'owner'],
    ['the installer of a workspace without an owner', { installer: true }, 'owner'],
    ['a later installer (Teams personal install)', { installer: true, workspaceHasOwner: true }, 'member'],
    ['a guest', { guest: true }, 'viewer'],
    ['a guest who is also a platform admin', { guest: true, platformAdmin: true }, 'owner'],
    ['someone the platform could not describe', { factsUnknown: true }, 'viewer'],
  ])('%s', (_label, facts, role) => {
    expect(arrivalRole({ ...nobody, ...facts })).toBe(role);
  });

  it('keeps an owner’s decision, but gives an ownerless workspace to a returning platform admin', () => {
    const facts = { ...nobody, platformAdmin: true };
    expect(returningRole({ role: 'member', provisional: false }, { ...facts, workspaceHasOwner: true })).toBe(
      undefined,
    );
    expect(returningRole({ role: 'member', provisional: false }, facts)).toBe('owner');
    expect(returningRole({ role: 'viewer', provisional: true }, { ...nobody, workspaceHasOwner: true })).toBe(
      'member',
    );
  });
});

describe('which clock a person types and reads times on', () => {
  const workspace: Workspace = {
    id: 'w',
    platform: 'slack',
    externalId: 'T',
    name: '',
    settings: { ...defaultSettings(), timezone: 'America/New_York' },
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  const actor = { workspaceId: 'w', userId: 'U', role: 'member' as const };

  it('uses their own zone unlabelled, else the workspace’s labelled', () => {
    expect(personalTime({ workspace, actor: { ...actor, timezone: 'Europe/Paris' } })).toEqual({
      timeZone: 'Europe/Paris',
      dateFormat: workspace.settings.dateFormat,
    });
    expect(personalTime({ workspace, actor })).toMatchObject({
      timeZone: 'America/New_York',
      zoneLabel: 'America/New York',
    });
  });

  it('shows workspace schedules on the workspace clock, labelled unless it is theirs', () => {
    expect(workspaceTime({ workspace, actor: { ...actor, timezone: 'Europe/Paris' } }).zoneLabel).toBe(
      'America/New York',
    );
    expect(workspaceTime({ workspace, actor: { ...actor, timezone: 'America/New_York' } }).zoneLabel).toBe(
      undefined,
    );
  });
});
