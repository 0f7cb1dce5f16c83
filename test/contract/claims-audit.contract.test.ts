import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines.js';
import { T0 } from '../support/fixtures.js';

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(ENGINES)('exactly-once claims and audit on $name', (engine) => {
  const store = engine.use();

  it('lets exactly one of two processes claim the same key, and the key again once released', async () => {
    const other = await store.second();
    const mine = store.storage.repositories.claims;
    const theirs = other.repositories.claims;
    const results = await Promise.all([
      mine.claim('submit', 'view-1', 'ws-claims', T0),
      theirs.claim('submit', 'view-1', 'ws-claims', T0),
    ]);
    expect(results.sort()).toEqual([false, true]);
    // The same key in another scope or workspace is another claim.
    expect(await mine.claim('event', 'view-1', 'ws-claims', T0)).toBe(true);
    expect(await mine.claim('submit', 'view-1', 'ws-other', T0)).toBe(true);
    await theirs.release('submit', 'view-1', 'ws-claims');
    expect(await mine.claim('submit', 'view-1', 'ws-claims', T0)).toBe(true);
  });

  it('sweeps one workspace’s claims made before the cutoff and nothing else', async () => {
    const claims = store.storage.repositories.claims;
    await claims.claim('sweep', 'old', 'ws-sweep', at(-120));
    await claims.claim('sweep', 'new', 'ws-sweep', at(0));
    await claims.claim('sweep', 'old', 'ws-keep', at(-120));
    expect(await claims.deleteClaimedBefore('ws-sweep', at(-60))).toBe(1);
    expect(await claims.claim('sweep', 'old', 'ws-sweep', at(1))).toBe(true);
    expect(await claims.claim('sweep', 'new', 'ws-sweep', at(1))).toBe(false);
    expect(await claims.claim('sweep', 'old', 'ws-keep', at(1))).toBe(false);
  });

  it('lists a record’s audit trail newest first, within its workspace only', async () => {
    const audit = store.storage.repositories.audit;
    const entry = (id: string, minutes: number, workspaceId = 'ws-audit') => ({
      id,
      workspaceId,
      actorId: 'U1',
      action: 'interaction.updated' as const,
      targetId: 'rec-1',
      at: at(minutes),
      before: '{"description":"a"}',
      after: '{"description":"b"}',
    });
    await audit.insertMany([entry('a1', 1), entry('a2', 3), entry('a3', 2), entry('a4', 5, 'ws-elsewhere')]);
    // A creation has no "before" (auditEntry leaves the key out).
    const { before: _none, ...created } = entry('a5', 4);
    await audit.insertMany([created]);
    const trail = await audit.listForTarget('ws-audit', 'rec-1');
    expect(trail.map((e) => e.id)).toEqual(['a5', 'a2', 'a3', 'a1']);
    expect(trail[1]).toEqual(entry('a2', 3));
    expect(trail[0]).toEqual(created);
  });
});
