import type { Context } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  type TenantResolver,
  tenantMiddleware,
  tenantOf,
} from '../../../src/adapters/slack/middleware/tenant.js';
import { contactWorld } from '../../support/contact-fixtures.js';
import { useTestDatabase } from '../../support/test-database.js';

/** The real workspace service, counting how often the middleware asks it. */
function countingResolver(resolver: TenantResolver) {
  const calls = { workspace: 0, actor: 0 };
  const counted: TenantResolver = {
    resolveWorkspace: (input) => {
      calls.workspace++;
      return resolver.resolveWorkspace(input);
    },
    resolveActor: (input) => {
      calls.actor++;
      return resolver.resolveActor(input);
    },
  };
  return { calls, counted };
}

/** Runs the middleware as Bolt would for one verified request; returns the request's context. */
async function request(
  middleware: ReturnType<typeof tenantMiddleware>['middleware'],
  teamId: string,
  userId: string,
): Promise<Context> {
  const context: Context = { teamId, userId, isEnterpriseInstall: false };
  // users.info as Slack answers it for a workspace admin: the network edge, not the core, is faked.
  const client = { users: { info: async () => ({ ok: true, user: { id: userId, is_admin: true } }) } };
  const args = { context, body: { team_domain: 'acme', user_name: userId }, client, next: async () => {} };
  // Only context, body, client and next are read; Bolt's full argument type is not worth building here.
  await (middleware as (args: unknown) => Promise<void>)(args);
  return context;
}

describe('tenant middleware', () => {
  const handle = useTestDatabase();

  it('resolves a burst of cold requests from one person with one lookup', async () => {
    const world = contactWorld(handle.db);
    const { calls, counted } = countingResolver(world.workspaces);
    const { middleware } = tenantMiddleware(counted, world.clock);
    const contexts = await Promise.all(
      Array.from({ length: 20 }, () => request(middleware, 'T-burst', 'U-ann')),
    );
    expect(calls).toEqual({ workspace: 1, actor: 1 });
    const tenants = contexts.map((context) => tenantOf(context));
    expect(new Set(tenants.map((tenant) => tenant.workspace.id)).size).toBe(1);
    expect(tenants.every((tenant) => tenant.actor.userId === 'U-ann')).toBe(true);
    // Another person in the same team is looked up separately.
    const other = tenantOf(await request(middleware, 'T-burst', 'U-bob'));
    expect(other.actor.userId).toBe('U-bob');
    expect(other.workspace.id).toBe(tenants[0]?.workspace.id);
    expect(calls).toEqual({ workspace: 2, actor: 2 });
  });

  it('serves from the cache until it expires, and reads again after invalidation', async () => {
    const world = contactWorld(handle.db);
    const { calls, counted } = countingResolver(world.workspaces);
    const tenancy = tenantMiddleware(counted, world.clock);
    await request(tenancy.middleware, 'T-cache', 'U-ann');
    await request(tenancy.middleware, 'T-cache', 'U-ann');
    expect(calls.actor).toBe(1);
    world.clock.advance(31_000);
    await request(tenancy.middleware, 'T-cache', 'U-ann');
    expect(calls.actor).toBe(2);
    tenancy.invalidate();
    await request(tenancy.middleware, 'T-cache', 'U-ann');
    expect(calls.actor).toBe(3);
  });

  it('does not cache what a lookup read before a settings change invalidated it', async () => {
    const world = contactWorld(handle.db);
    const { calls, counted } = countingResolver(world.workspaces);
    const tenancy = tenantMiddleware(counted, world.clock);
    const first = request(tenancy.middleware, 'T-stale', 'U-ann');
    tenancy.invalidate(); // e.g. an admin saved settings while the first lookup was reading
    await first;
    await request(tenancy.middleware, 'T-stale', 'U-ann');
    expect(calls.actor).toBe(2);
  });

  it('keeps members of different workspaces apart even with the same user id', async () => {
    const world = contactWorld(handle.db);
    const { middleware } = tenantMiddleware(world.workspaces, world.clock);
    const one = tenantOf(await request(middleware, 'T-one', 'U-same'));
    const two = tenantOf(await request(middleware, 'T-two', 'U-same'));
    expect(one.workspace.id).not.toBe(two.workspace.id);
    expect(one.actor.workspaceId).toBe(one.workspace.id);
    expect(two.actor.workspaceId).toBe(two.workspace.id);
    // Each is an admin of their own Slack workspace, so owner there and only there.
    expect(await world.repos.members.find(one.workspace.id, 'U-same')).toMatchObject({ role: 'owner' });
    expect(await world.repos.members.find(two.workspace.id, 'U-same')).toMatchObject({ role: 'owner' });
  });
});
