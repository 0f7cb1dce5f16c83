import { describe, expect, it } from 'vitest';
import {
  type DeliveryOutcome,
  deliveryId,
  type PendingDelivery,
} from '../../src/core/deliveries/delivery.js';
import { ENGINES } from '../support/engines.js';
import { T0 } from '../support/fixtures.js';

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function pending(
  workspaceId: string,
  key: string,
  overrides: Partial<PendingDelivery> = {},
): PendingDelivery {
  return {
    id: deliveryId('reminder', workspaceId, key),
    kind: 'reminder',
    workspaceId,
    key,
    target: 'U1',
    status: 'sending',
    attempt: 1,
    nextAttemptAt: at(15),
    request: JSON.stringify({ key }),
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function outcome(record: PendingDelivery, overrides: Partial<DeliveryOutcome> = {}): DeliveryOutcome {
  const { id, kind, workspaceId, key, target, attempt } = record;
  return { id, kind, workspaceId, key, target, attempt, status: 'sent', at: at(1), ...overrides };
}

describe.each(ENGINES)('delivery records on $name', (engine) => {
  const store = engine.use();
  const deliveries = () => store.storage.deliveries;

  it('gives a delivery to exactly one of two processes claiming it at once', async () => {
    const other = (await store.second()).deliveries;
    const records = [pending('ws-d', 'race-1'), pending('ws-d', 'race-2')];
    const [mine, theirs] = await Promise.all([deliveries().claimMany(records), other.claimMany(records)]);
    for (const record of records) {
      expect(Number(mine.has(record.id)) + Number(theirs.has(record.id))).toBe(1);
    }
    expect(await deliveries().findPending(records[0]!.id)).toEqual(records[0]);
  });

  it('gives each later attempt to one claimer, and the first outcome stands', async () => {
    const other = (await store.second()).deliveries;
    const record = pending('ws-d', 'retry-1');
    await deliveries().claimMany([record]);
    const [mine, theirs] = await Promise.all([
      deliveries().claimAttempts([record.id], 2, at(20)),
      other.claimAttempts([record.id], 2, at(20)),
    ]);
    expect(mine.size + theirs.size).toBe(1);
    // The winner takes the record over from attempt 1, then schedules a retry as its owner.
    await deliveries().updatePending(record.id, 1, { attempt: 2, status: 'sending', updatedAt: at(20) });
    await deliveries().updatePending(record.id, 2, {
      status: 'retrying',
      nextAttemptAt: at(30),
      lastError: 'rate limited',
      updatedAt: at(20),
    });
    // The owner of attempt 1 has been taken over: its write is ignored.
    await deliveries().updatePending(record.id, 1, { status: 'sending', updatedAt: at(21) });
    expect(await deliveries().findPending(record.id)).toEqual({
      ...record,
      status: 'retrying',
      attempt: 2,
      nextAttemptAt: at(30),
      lastError: 'rate limited',
      updatedAt: at(20),
    });
    const sent = outcome(record, { attempt: 2, ref: 'D1:1.2', late: true });
    await deliveries().finish([sent]);
    await deliveries().finish([outcome(record, { attempt: 2, status: 'failed', reason: 'too late' })]);
    expect(await deliveries().findOutcomes([record.id, 'unknown'])).toEqual(new Map([[record.id, sent]]));
    expect(await deliveries().findPending(record.id)).toBeNull();
  });

  it('lists due pending deliveries oldest first across workspaces, and releases them', async () => {
    const due = [
      pending('ws-due-a', 'due-2', { nextAttemptAt: at(-5), status: 'retrying' }),
      pending('ws-due-b', 'due-1', { nextAttemptAt: at(-10) }),
      pending('ws-due-a', 'later', { nextAttemptAt: at(60) }),
    ];
    await deliveries().claimMany(due);
    const listed = await deliveries().listDue(at(0), 10);
    expect(listed.filter((r) => r.workspaceId.startsWith('ws-due')).map((r) => r.key)).toEqual([
      'due-1',
      'due-2',
    ]);
    await deliveries().release([due[0]!.id, due[1]!.id], 1);
    expect((await deliveries().listDue(at(0), 10)).filter((r) => r.workspaceId.startsWith('ws-due'))).toEqual(
      [],
    );
  });

  it("lists a workspace's final failures newest first", async () => {
    const first = pending('ws-fail', 'f-1');
    const second = pending('ws-fail', 'f-2');
    await deliveries().claimMany([first, second]);
    await deliveries().finish([
      outcome(first, { status: 'failed', reason: 'channel archived', permanent: true, at: at(1) }),
      outcome(second, { status: 'failed', reason: 'timeout', permanent: false, at: at(2) }),
    ]);
    const failed = await deliveries().listFailed('ws-fail', 'reminder', 10);
    expect(failed.map((o) => [o.key, o.reason, o.permanent])).toEqual([
      ['f-2', 'timeout', false],
      ['f-1', 'channel archived', true],
    ]);
    expect(await deliveries().listFailed('ws-fail', 'report', 10)).toEqual([]);
  });

  it('remembers when a key was first seen', async () => {
    expect(await deliveries().firstSeen('ws-seen', 'schedule', at(1))).toEqual(at(1));
    expect(await deliveries().firstSeen('ws-seen', 'schedule', at(9))).toEqual(at(1));
  });
});
