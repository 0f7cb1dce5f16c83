import { describe, expect, it } from 'vitest';
import { ErrorCode, ValidationError } from '../../../src/core/shared/errors.js';
import { DEFAULT_INTERACTION_TYPES, defaultSettings } from '../../../src/core/workspaces/workspace.js';
import { PROFILE_REFRESH_MS } from '../../../src/core/workspaces/workspace.service.js';
import { COLLECTIONS } from '../../../src/infra/mongo/indexes.js';
import { contactWorld, rejectionOf } from '../../support/contact-fixtures.js';
import { useTestDatabase } from '../../support/test-database.js';

describe('workspace service: tenant, members and settings', () => {
  const handle = useTestDatabase();
  const world = () => contactWorld(handle.db);

  async function auditOf(w: ReturnType<typeof world>, workspaceId: string, targetId: string) {
    return w.repos.audit.listForTarget(workspaceId, targetId);
  }

  describe('resolveWorkspace', () => {
    it('creates a workspace with the default settings on first sight and returns it afterwards', async () => {
      const w = world();
      const first = await w.workspaces.resolveWorkspace({
        platform: 'slack',
        externalId: 'T-first',
        name: 'First',
      });
      expect(first.settings).toEqual(defaultSettings());
      expect(first.name).toBe('First');
      const again = await w.workspaces.resolveWorkspace({ platform: 'slack', externalId: 'T-first' });
      expect(again.id).toBe(first.id);
    });

    it('ends up with one workspace when several requests create it at once', async () => {
      const w = world();
      const resolved = await Promise.all(
        Array.from({ length: 5 }, () =>
          w.workspaces.resolveWorkspace({ platform: 'teams', externalId: 'tenant-race', name: 'Race' }),
        ),
      );
      expect(new Set(resolved.map((workspace) => workspace.id)).size).toBe(1);
      const raw = handle.db.connection.getClient().db(handle.db.connection.name);
      expect(
        await raw
          .collection(COLLECTIONS.workspaces)
          .countDocuments({ platform: 'teams', externalId: 'tenant-race' }),
      ).toBe(1);
    });

    it('keeps the same external id apart on different platforms', async () => {
      const w = world();
      const slack = await w.workspaces.resolveWorkspace({ platform: 'slack', externalId: 'X-shared' });
      const teams = await w.workspaces.resolveWorkspace({ platform: 'teams', externalId: 'X-shared' });
      expect(slack.id).not.toBe(teams.id);
    });

    it('refuses an unknown platform or an empty external id', async () => {
      const w = world();
      const error = await rejectionOf(
        w.workspaces.resolveWorkspace({ platform: 'irc' as 'slack', externalId: '' }),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(['externalId', 'platform']);
    });
  });

  describe('resolveActor', () => {
    it('never makes the first person owner just for arriving first', async () => {
      const w = world();
      const workspace = await w.workspaces.resolveWorkspace({ platform: 'slack', externalId: 'T-roles' });
      const first = await w.workspaces.resolveActor({ workspace, userId: 'U1', displayName: 'Ann' });
      const second = await w.workspaces.resolveActor({ workspace, userId: 'U2', displayName: 'Ben' });
      expect(first).toEqual({ workspaceId: workspace.id, userId: 'U1', role: 'member', displayName: 'Ann' });
      expect(second.role).toBe('member');
    });

    it('makes a platform admin owner, guests viewers, and newcomers viewers once that is the default', async () => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      const admin = await w.workspaces.resolveActor({
        workspace,
        userId: 'U-slack-admin',
        displayName: 'Sam Admin',
        facts: { platformAdmin: true },
      });
      expect(admin.role).toBe('owner');
      const guest = await w.workspaces.resolveActor({
        workspace,
        userId: 'U-guest',
        lookupFacts: async () => ({ guest: true }),
      });
      expect(guest.role).toBe('viewer');
      await w.workspaces.updateSettings(owner, { defaultRole: 'viewer' });
      const refreshed = await w.repos.workspaces.findById(workspace.id);
      const newcomer = await w.workspaces.resolveActor({
        workspace: refreshed!,
        userId: 'U-new',
        displayName: 'Nia',
      });
      expect(newcomer.role).toBe('viewer');
    });

    it('keeps the role already given, and refreshes a changed display name and time zone', async () => {
      const w = world();
      const { workspace, viewer } = await w.tenant();
      const again = await w.workspaces.resolveActor({
        workspace,
        userId: viewer.userId,
        displayName: 'Victor V.',
        facts: { platformAdmin: true, timezone: 'europe/paris' },
      });
      expect(again.role).toBe('viewer');
      expect(again.displayName).toBe('Victor V.');
      expect(again.timezone).toBe('Europe/Paris');
      const stored = await w.repos.members.find(workspace.id, viewer.userId);
      expect(stored).toMatchObject({ displayName: 'Victor V.', timezone: 'Europe/Paris', role: 'viewer' });
    });

    it('asks the platform about a person only when what it knows is missing or a day old', async () => {
      const w = world();
      const workspace = await w.workspaces.resolveWorkspace({ platform: 'slack', externalId: 'T-lookups' });
      let asked = 0;
      const lookupFacts = async () => {
        asked++;
        return { timezone: 'Asia/Tokyo' };
      };
      await w.workspaces.resolveActor({ workspace, userId: 'U-t', lookupFacts });
      await w.workspaces.resolveActor({ workspace, userId: 'U-t', lookupFacts });
      expect(asked).toBe(1);
      w.clock.advance(PROFILE_REFRESH_MS);
      await w.workspaces.resolveActor({ workspace, userId: 'U-t', lookupFacts });
      expect(asked).toBe(2);
    });

    it('starts a person the platform could not describe as a viewer, then gives the real role', async () => {
      const w = world();
      const workspace = await w.workspaces.resolveWorkspace({ platform: 'slack', externalId: 'T-down' });
      const down = await w.workspaces.resolveActor({
        workspace,
        userId: 'U-admin',
        lookupFacts: async () => {
          throw new Error('Slack is down');
        },
      });
      expect(down.role).toBe('viewer');
      const back = await w.workspaces.resolveActor({
        workspace,
        userId: 'U-admin',
        lookupFacts: async () => ({ platformAdmin: true }),
      });
      expect(back.role).toBe('owner');
    });

    it('gives a workspace left without owners to the first platform admin who comes back', async () => {
      const w = world();
      const workspace = await w.workspaces.resolveWorkspace({ platform: 'slack', externalId: 'T-orphan' });
      const plain = await w.workspaces.resolveActor({ workspace, userId: 'U-plain' });
      expect(plain.role).toBe('member');
      w.clock.advance(PROFILE_REFRESH_MS);
      const promoted = await w.workspaces.resolveActor({
        workspace,
        userId: 'U-plain',
        lookupFacts: async () => ({ platformAdmin: true }),
      });
      expect(promoted.role).toBe('owner');
    });

    it('ignores a time zone the runtime does not know instead of failing the request', async () => {
      const w = world();
      const { workspace, member } = await w.tenant();
      await w.workspaces.resolveActor({
        workspace,
        userId: member.userId,
        facts: { timezone: 'Mars/Olympus' },
      });
      expect((await w.repos.members.find(workspace.id, member.userId))?.timezone).toBeUndefined();
    });

    it('names a member by the user id when the platform gives no display name', async () => {
      const w = world();
      const { workspace } = await w.tenant();
      const actor = await w.workspaces.resolveActor({ workspace, userId: 'U-nameless' });
      expect(actor.displayName).toBe('U-nameless');
    });

    it("creates a workspace in its installer's time zone", async () => {
      const w = world();
      const workspace = await w.workspaces.resolveWorkspace({
        platform: 'teams',
        externalId: 'tenant-paris',
        timezone: 'Europe/Paris',
      });
      expect(workspace.settings.timezone).toBe('Europe/Paris');
    });
  });

  describe('settings', () => {
    it('lets every role read the settings', async () => {
      const w = world();
      const { viewer } = await w.tenant();
      expect((await w.workspaces.getSettings(viewer)).interactionTypes).toEqual(DEFAULT_INTERACTION_TYPES);
    });

    it('lets an owner change lists, time zone, date format, report and default role, with an audit entry', async () => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      const after = await w.workspaces.updateSettings(owner, {
        interactionTypes: ['  Visit ', 'Call', 'Home visit'],
        actions: ['Food parcel', 'Discussion'],
        timezone: 'Europe/Paris',
        dateFormat: 'dd.MM.yyyy HH:mm',
        report: { enabled: true, channelId: 'C0123', weekday: 5, time: '17:30' },
        defaultRole: 'viewer',
      });
      expect(after).toEqual({
        interactionTypes: ['Visit', 'Call', 'Home visit'],
        actions: ['Food parcel', 'Discussion'],
        timezone: 'Europe/Paris',
        dateFormat: 'dd.MM.yyyy HH:mm',
        report: { enabled: true, channelId: 'C0123', weekday: 5, time: '17:30' },
        defaultRole: 'viewer',
      });
      expect((await w.repos.workspaces.findById(workspace.id))?.settings).toEqual(after);
      const [entry] = await auditOf(w, workspace.id, workspace.id);
      expect(entry).toMatchObject({ action: 'settings.updated', actorId: owner.userId });
      expect(JSON.parse(entry!.before!)).toEqual(defaultSettings());
      expect(JSON.parse(entry!.after!)).toEqual(after);
    });

    it('changes only the keys given, so a type another member just added is kept', async () => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      const stale = await w.workspaces.getSettings(owner);
      await w.repos.workspaces.addToLists(workspace.id, { interactionTypes: ['Workshop'] });
      await w.workspaces.updateSettings(owner, { timezone: 'America/New_York', report: { weekday: 3 } });
      const settings = (await w.repos.workspaces.findById(workspace.id))!.settings;
      expect(settings.interactionTypes).toEqual([...stale.interactionTypes, 'Workshop']);
      expect(settings.timezone).toBe('America/New_York');
      expect(settings.report).toEqual({ ...stale.report, weekday: 3 });
    });

    it('writes no audit entry when nothing changes', async () => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      await w.workspaces.updateSettings(owner, { timezone: 'UTC' });
      expect(await auditOf(w, workspace.id, workspace.id)).toEqual([]);
    });

    it('refuses members and viewers, and writes nothing', async () => {
      const w = world();
      const { workspace, member, viewer } = await w.tenant();
      for (const actor of [member, viewer]) {
        const error = await rejectionOf(w.workspaces.updateSettings(actor, { timezone: 'Europe/Paris' }));
        expect(error.code).toBe(ErrorCode.Forbidden);
      }
      expect((await w.repos.workspaces.findById(workspace.id))?.settings).toEqual(defaultSettings());
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['an empty types list', { interactionTypes: ['  '] }, 'interactionTypes'],
      ['a type listed twice ignoring case', { interactionTypes: ['Call', 'CALL'] }, 'interactionTypes'],
      ['a type over 60 characters', { interactionTypes: ['x'.repeat(61)] }, 'interactionTypes'],
      ['more than 100 actions', { actions: Array.from({ length: 101 }, (_, i) => `a${i}`) }, 'actions'],
      ['an action that is not text', { actions: [42] }, 'actions.0'],
      ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'timezone'],
      ['an empty date format', { dateFormat: ' ' }, 'dateFormat'],
      ['a date format date-fns rejects', { dateFormat: 'DD/MM/YYYY' }, 'dateFormat'],
      ['a date format with a comma', { dateFormat: 'MMM d, yyyy' }, 'dateFormat'],
      ['a date format without the day', { dateFormat: 'MM/yyyy' }, 'dateFormat'],
      ['a weekday of 8', { report: { weekday: 8 } }, 'report.weekday'],
      ['a time that is not HH:mm', { report: { time: '9h' } }, 'report.time'],
      ['a report enabled without a channel', { report: { enabled: true } }, 'report.channelId'],
      ['owner as the default role', { defaultRole: 'owner' }, 'defaultRole'],
    ];
    it.each(invalid)('refuses %s, naming the field, and writes nothing', async (_what, input, field) => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      const error = await rejectionOf(w.workspaces.updateSettings(owner, input));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
      expect((await w.repos.workspaces.findById(workspace.id))?.settings).toEqual(defaultSettings());
      expect(await auditOf(w, workspace.id, workspace.id)).toEqual([]);
    });

    it('accepts a date format with a quoted literal and stores the canonical time zone name', async () => {
      const w = world();
      const { owner } = await w.tenant();
      const after = await w.workspaces.updateSettings(owner, {
        dateFormat: "yyyy-MM-dd'T'HH:mm",
        timezone: 'europe/paris',
      });
      expect(after.dateFormat).toBe("yyyy-MM-dd'T'HH:mm");
      expect(after.timezone).toBe('Europe/Paris');
      expect((await w.workspaces.updateSettings(owner, { timezone: 'Asia/Kolkata' })).timezone).toBe(
        'Asia/Kolkata',
      );
    });

    it('turns the report off and clears its channel', async () => {
      const w = world();
      const { owner } = await w.tenant();
      await w.workspaces.updateSettings(owner, { report: { enabled: true, channelId: 'C1' } });
      const after = await w.workspaces.updateSettings(owner, { report: { enabled: false, channelId: null } });
      expect(after.report).toEqual({ enabled: false, weekday: 1, time: '09:00' });
    });
  });
});
