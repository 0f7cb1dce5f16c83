import type { Container } from '../../../src/app/container.js';
import type { Contact } from '../../../src/core/contacts/contact.js';
import type { Actor, Role } from '../../../src/core/shared/actor.js';
import type { Workspace } from '../../../src/core/workspaces/workspace.js';
import { TENANT, USERS, type UserName } from './teams-app.js';

export interface TeamsWorld {
  workspace: Workspace;
  actors: Record<UserName, Actor>;
}

/**
 * The Teams tenant as a workspace, through the same use cases the adapter calls: alice (the
 * installer, so owner), bob (member), vera (viewer).
 */
export async function seedTenant(container: Container, tenant = TENANT): Promise<TeamsWorld> {
  const workspace = await container.workspaces.resolveWorkspace({
    platform: 'teams',
    externalId: tenant,
    name: '',
  });
  // alice installed the app, which is what makes her the owner.
  const actor = async (name: UserName) =>
    container.workspaces.resolveActor({
      workspace,
      userId: USERS[name].aad,
      displayName: USERS[name].name,
      installer: name === 'alice',
    });
  const alice = await actor('alice');
  const bob = await actor('bob');
  let vera = await actor('vera');
  if (vera.role !== 'viewer') {
    await container.workspaces.setRole(alice, { userId: vera.userId, role: 'viewer' satisfies Role });
    vera = { ...vera, role: 'viewer' };
  }
  return { workspace, actors: { alice, bob, vera } };
}

export async function addContact(
  container: Container,
  actor: Actor,
  firstName: string,
  lastName: string,
  email?: string,
): Promise<Contact> {
  return container.contacts.createContact(actor, {
    firstName,
    lastName,
    ...(email ? { emails: [email] } : {}),
  });
}

export async function logCall(
  container: Container,
  actor: Actor,
  contactIds: string[],
  description: string,
  key: string,
) {
  return container.interactions.logInteraction(actor, {
    idempotencyKey: key,
    contactIds,
    type: 'Call',
    description,
  });
}
