import { beforeAll, describe, expect, it } from 'vitest';
import { type Container, createContainer, storageOf } from '../../src/app/container.js';
import type { Actor } from '../../src/core/shared/actor.js';
import { ErrorCode } from '../../src/core/shared/errors.js';
import { silentLogger } from '../../src/core/shared/ports.js';
import { ENGINES } from '../support/engines.js';
import { makeClock, makeIds, type Tenant, type TestClock } from '../support/fixtures.js';

/**
 * The reads and claims the Slack and Teams adapters used to do on the repositories, now use
 * cases: always inside the actor's workspace, with the role checks of the core.
 */
describe.each(ENGINES)('what the adapters read and claim through use cases, on $name', (engine) => {
  const store = engine.use();
  let clock: TestClock;
  let container: Container;
  let acme: Tenant;
  let globex: Tenant;

  async function tenant(name: string): Promise<Tenant> {
    const workspace = await container.workspaces.resolveWorkspace({
      platform: 'slack',
      externalId: name,
      name,
    });
    const join = (userId: string, role: Actor['role']) =>
      container.workspaces.resolveActor({ workspace, userId, displayName: userId }).then(async (actor) => {
        if (actor.role === role) return actor;
        await storageOf(container).repositories.members.setRole(workspace.id, userId, role, clock.now());
        return { ...actor, role };
      });
    const owner = await join('U-owner', 'owner');
    return {
      workspace,
      owner,
      member: await join('U-member', 'member'),
      otherMember: await join('U-other', 'member'),
      viewer: await join('U-viewer', 'viewer'),
    };
  }

  beforeAll(async () => {
    clock = makeClock();
    container = createContainer(store.storage, { logger: silentLogger, clock, ids: makeIds() });
    acme = await tenant(`T-acme-${engine.name}`);
    globex = await tenant(`T-globex-${engine.name}`);
  });

  it('reads contacts by id in the actor’s workspace only, dropping unknown and foreign ids', async () => {
    const ada = await container.contacts.createContact(acme.member, {
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const foreign = await container.contacts.createContact(globex.member, {
      firstName: 'Gus',
      lastName: 'Globex',
    });
    const found = await container.contacts.findContactsByIds(acme.viewer, {
      ids: [ada.id, foreign.id, 'no-such-id', ada.id],
    });
    expect(found.map((contact) => contact.id)).toEqual([ada.id]);
    expect(await container.contacts.findContactsByIds(acme.viewer, { ids: [] })).toEqual([]);
  });

  it('finds an organisation by id or by name in any case, never another workspace’s', async () => {
    const initech = await container.contacts.createOrganisation(acme.member, { name: 'Initech' });
    const theirs = await container.contacts.createOrganisation(globex.member, { name: 'Initech' });
    expect((await container.contacts.findOrganisation(acme.viewer, { id: initech.id }))?.name).toBe(
      'Initech',
    );
    expect((await container.contacts.findOrganisation(acme.viewer, { name: 'INITECH' }))?.id).toBe(
      initech.id,
    );
    expect(await container.contacts.findOrganisation(acme.viewer, { id: theirs.id })).toBeNull();
    expect(await container.contacts.findOrganisation(acme.viewer, { name: 'Umbrella' })).toBeNull();
  });

  it('gives an interaction to any role of its workspace, and the edit form only to its author or an owner', async () => {
    const contact = await container.contacts.createContact(acme.member, {
      firstName: 'Bea',
      lastName: 'Smith',
    });
    const {
      interactions: [interaction],
    } = await container.interactions.logInteraction(acme.member, {
      contactIds: [contact.id],
      type: 'Call',
      occurredAt: clock.now(),
      description: 'Talked',
      idempotencyKey: 'adapter-reads-1',
    });
    if (!interaction) throw new Error('logged nothing');
    const id = interaction.id;
    expect((await container.interactions.getInteraction(acme.viewer, { id })).id).toBe(id);
    expect((await container.interactions.getEditableInteraction(acme.member, { id })).id).toBe(id);
    expect((await container.interactions.getEditableInteraction(acme.owner, { id })).id).toBe(id);
    await expect(
      container.interactions.getEditableInteraction(acme.otherMember, { id }),
    ).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    await expect(container.interactions.getEditableInteraction(acme.viewer, { id })).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    // Another workspace does not see it at all.
    await expect(container.interactions.getInteraction(globex.owner, { id })).rejects.toMatchObject({
      code: ErrorCode.InteractionNotFound,
    });
    expect(await container.interactions.findInteraction(globex.owner, { id })).toBeNull();
    expect((await container.interactions.findInteraction(acme.viewer, { id }))?.id).toBe(id);
    // Editing: another workspace's owner and a deleted interaction are both "not found".
    await expect(container.interactions.getEditableInteraction(globex.owner, { id })).rejects.toMatchObject({
      code: ErrorCode.InteractionNotFound,
    });
    await container.interactions.deleteInteraction(acme.member, { id });
    await expect(container.interactions.getEditableInteraction(acme.member, { id })).rejects.toMatchObject({
      code: ErrorCode.InteractionNotFound,
    });
  });

  it('finds members of the actor’s workspace only, and a signed link’s person with today’s role', async () => {
    expect((await container.workspaces.findMember(acme.viewer, { userId: 'U-member' }))?.role).toBe('member');
    expect(await container.workspaces.findMember(acme.viewer, { userId: 'U-nobody' })).toBeNull();
    const stranger = await container.workspaces.resolveActor({
      workspace: globex.workspace,
      userId: 'U-globex-only',
    });
    expect(await container.workspaces.findMember(acme.owner, { userId: stranger.userId })).toBeNull();

    const known = await container.workspaces.knownActor({
      workspaceId: acme.workspace.id,
      userId: 'U-viewer',
    });
    expect(known).toMatchObject({ workspaceId: acme.workspace.id, userId: 'U-viewer', role: 'viewer' });
    expect(
      await container.workspaces.knownActor({ workspaceId: acme.workspace.id, userId: stranger.userId }),
    ).toBeUndefined();
  });

  it('claims a key once per workspace until released, and takes over a lapsed claim', async () => {
    const { exactlyOnce } = container;
    expect(await exactlyOnce.claim(acme.member, 'test-submit', 'view-1')).toBe(true);
    expect(await exactlyOnce.claim(acme.otherMember, 'test-submit', 'view-1')).toBe(false);
    expect(await exactlyOnce.claim(globex.member, 'test-submit', 'view-1')).toBe(true);
    await exactlyOnce.release(acme.member, 'test-submit', 'view-1');
    expect(await exactlyOnce.claim(acme.viewer, 'test-submit', 'view-1')).toBe(true);

    expect(await exactlyOnce.claimUntil(acme.member, 'test-export', 'click', 60_000)).toBe(true);
    expect(await exactlyOnce.claimUntil(acme.member, 'test-export', 'click', 60_000)).toBe(false);
    clock.advance(60_001);
    expect(await exactlyOnce.claimUntil(acme.member, 'test-export', 'click', 60_000)).toBe(true);
  });

  it('records a conversation under the actor’s workspace, a personal chat as the actor’s own', async () => {
    await container.conversations.recordConversation(acme.member, {
      workspaceId: globex.workspace.id,
      kind: 'personal',
      conversationId: 'a:chat-1',
      serviceUrl: 'https://connector.example/',
      userId: 'U-someone-else',
      updatedAt: clock.now(),
    });
    const refs = storageOf(container).conversationRefs;
    expect((await refs.personal(acme.workspace.id, acme.member.userId))?.conversationId).toBe('a:chat-1');
    expect(await refs.personal(globex.workspace.id, 'U-someone-else')).toBeNull();
    expect(await refs.personal(acme.workspace.id, 'U-someone-else')).toBeNull();
  });
});
