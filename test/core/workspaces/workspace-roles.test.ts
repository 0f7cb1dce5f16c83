import { describe, expect, it } from 'vitest';
import { ErrorCode, type ValidationError } from '../../../src/core/shared/errors.js';
import { contactWorld, rejectionOf } from '../../support/contact-fixtures.js';
import { ENGINES } from '../../support/engines.js';

describe.each(ENGINES)('workspace service: roles and isolation on $name', (engine) => {
  const handle = engine.use();
  const world = () => contactWorld(handle);

  async function auditOf(w: ReturnType<typeof world>, workspaceId: string, targetId: string) {
    return w.repos.audit.listForTarget(workspaceId, targetId);
  }

  describe('roles', () => {
    it('lets an owner promote a member, with an audit entry', async () => {
      const w = world();
      const { workspace, owner, member } = await w.tenant();
      const promoted = await w.workspaces.setRole(owner, { userId: member.userId, role: 'owner' });
      expect(promoted.role).toBe('owner');
      expect((await w.repos.members.find(workspace.id, member.userId))?.role).toBe('owner');
      const [entry] = await auditOf(w, workspace.id, member.userId);
      expect(entry).toMatchObject({ action: 'member.role_changed', actorId: owner.userId });
      expect(JSON.parse(entry!.before!)).toEqual({ userId: member.userId, role: 'member' });
      expect(JSON.parse(entry!.after!)).toEqual({ userId: member.userId, role: 'owner' });
    });

    it('refuses role changes from members and viewers', async () => {
      const w = world();
      const { workspace, member, viewer } = await w.tenant();
      for (const actor of [member, viewer]) {
        const error = await rejectionOf(
          w.workspaces.setRole(actor, { userId: viewer.userId, role: 'owner' }),
        );
        expect(error.code).toBe(ErrorCode.Forbidden);
      }
      expect((await w.repos.members.find(workspace.id, viewer.userId))?.role).toBe('viewer');
    });

    it('refuses to demote the last owner, with a message saying what to do', async () => {
      const w = world();
      const { workspace, owner } = await w.tenant();
      const error = await rejectionOf(w.workspaces.setRole(owner, { userId: owner.userId, role: 'member' }));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect((error as ValidationError).fieldErrors.role).toMatch(
        /only workspace admin.*Make someone else an admin/,
      );
      expect((await w.repos.members.find(workspace.id, owner.userId))?.role).toBe('owner');
      expect(await auditOf(w, workspace.id, owner.userId)).toEqual([]);
    });

    it('keeps an owner when two owners demote each other at the same time', async () => {
      const w = world();
      const { workspace, owner, member } = await w.tenant();
      await w.workspaces.setRole(owner, { userId: member.userId, role: 'owner' });
      const secondOwner = { ...member, role: 'owner' as const };
      await Promise.allSettled([
        w.workspaces.setRole(owner, { userId: member.userId, role: 'member' }),
        w.workspaces.setRole(secondOwner, { userId: owner.userId, role: 'member' }),
      ]);
      expect(await w.repos.members.countOwners(workspace.id)).toBeGreaterThanOrEqual(1);
    });

    it('refuses an unknown person and an unknown role', async () => {
      const w = world();
      const { owner } = await w.tenant();
      const unknown = await rejectionOf(w.workspaces.setRole(owner, { userId: 'U-nobody', role: 'member' }));
      expect(Object.keys((unknown as ValidationError).fieldErrors)).toEqual(['userId']);
      const badRole = await rejectionOf(w.workspaces.setRole(owner, { userId: owner.userId, role: 'admin' }));
      expect(Object.keys((badRole as ValidationError).fieldErrors)).toEqual(['role']);
    });

    it('lists the members of the workspace only', async () => {
      const w = world();
      const a = await w.tenant('A');
      await w.tenant('B');
      const members = await w.workspaces.listMembers(a.viewer);
      expect(members.map((m) => m.userId).sort()).toEqual(['U-member', 'U-owner', 'U-viewer']);
      expect(members.every((m) => m.workspaceId === a.workspace.id)).toBe(true);
    });
  });

  describe('tenant isolation', () => {
    it("never reads or changes another workspace's settings or members", async () => {
      const w = world();
      const a = await w.tenant('A');
      const b = await w.tenant('B');
      await w.workspaces.updateSettings(b.owner, { timezone: 'Europe/Berlin' });
      expect((await w.workspaces.getSettings(a.owner)).timezone).toBe('UTC');
      // The same chat user id in A is a different member there: B's owner cannot reach it.
      await w.workspaces.setRole(b.owner, { userId: 'U-viewer', role: 'member' });
      expect((await w.repos.members.find(a.workspace.id, 'U-viewer'))?.role).toBe('viewer');
      expect((await w.repos.members.find(b.workspace.id, 'U-viewer'))?.role).toBe('member');
    });
  });
});
