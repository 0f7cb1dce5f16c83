import type { Role } from '../shared/actor.js';
import type { WorkspaceSettings } from './workspace.js';
import type { MemberRepository, WorkspaceRepository } from './workspace.repository.port.js';

/** Something in this process that keeps a copy of a workspace's settings or roles. */
export type WorkspaceChangeListener = (workspaceId: string) => void;

/**
 * Tells this process's caches that a workspace's settings, lists or roles were written. One
 * per process (the container owns it): every cache subscribes, so a write from Slack, Teams or
 * the CLI is seen on the next request of either platform. Other processes still rely on their
 * caches' short expiry.
 */
export interface WorkspaceChanges {
  notify(workspaceId: string): void;
  /** Returns the unsubscribe. */
  subscribe(listener: WorkspaceChangeListener): () => void;
}

export function createWorkspaceChanges(): WorkspaceChanges {
  const listeners = new Set<WorkspaceChangeListener>();
  return {
    notify(workspaceId) {
      for (const listener of listeners) listener(workspaceId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The repositories, announcing every write of settings, lists or roles once it is stored. The
 * notice sits on the repositories rather than in each use case, so no writer (settings form,
 * a new type typed in a log form, a role change, an import) can forget it. Profile updates are
 * not announced: they happen while a cache is loading that very person.
 */
export function announcingWorkspaceWrites(
  repositories: { workspaces: WorkspaceRepository; members: MemberRepository },
  changes: WorkspaceChanges,
): { workspaces: WorkspaceRepository; members: MemberRepository } {
  const { workspaces, members } = repositories;
  return {
    workspaces: {
      findById: (id) => workspaces.findById(id),
      findByExternalId: (platform, externalId) => workspaces.findByExternalId(platform, externalId),
      insertOrGet: (workspace) => workspaces.insertOrGet(workspace),
      async updateSettings(id: string, settings: Partial<WorkspaceSettings>, now: Date) {
        await workspaces.updateSettings(id, settings, now);
        changes.notify(id);
      },
      async addToLists(id, lists) {
        await workspaces.addToLists(id, lists);
        changes.notify(id);
      },
      listWithReportsEnabled: () => workspaces.listWithReportsEnabled(),
      listIdentities: () => workspaces.listIdentities(),
    },
    members: {
      find: (workspaceId, userId) => members.find(workspaceId, userId),
      insertOrGet: (member) => members.insertOrGet(member),
      async setRole(workspaceId: string, userId: string, role: Role, now: Date) {
        await members.setRole(workspaceId, userId, role, now);
        changes.notify(workspaceId);
      },
      async updateMember(workspaceId, userId, patch, now) {
        await members.updateMember(workspaceId, userId, patch, now);
        // A role the platform's facts decided is a role change like an owner's.
        if (patch.role !== undefined) changes.notify(workspaceId);
      },
      list: (workspaceId) => members.list(workspaceId),
      countOwners: (workspaceId) => members.countOwners(workspaceId),
    },
  };
}
