import { describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../src/core/deliveries/conversation-ref.port.js';
import { ENGINES } from '../support/engines.js';
import { T0 } from '../support/fixtures.js';

const later = new Date(T0.getTime() + 60_000);

describe.each(ENGINES)('Teams conversation references on $name', (engine) => {
  const store = engine.use();
  const refs = () => store.storage.conversationRefs;
  const personal: ConversationRef = {
    workspaceId: 'ws-refs',
    kind: 'personal',
    conversationId: 'a:chat-1',
    serviceUrl: 'https://smba.example/emea/',
    userId: 'aad-1',
    platformUserId: '29:one',
    updatedAt: T0,
  };

  it('finds a personal chat by member and a channel by conversation, in their workspace only', async () => {
    const channel: ConversationRef = {
      workspaceId: 'ws-refs',
      kind: 'channel',
      conversationId: '19:general',
      serviceUrl: 'https://smba.example/emea/',
      name: 'General',
      updatedAt: T0,
    };
    await refs().save(personal);
    await refs().save(channel);
    expect(await refs().personal('ws-refs', 'aad-1')).toEqual(personal);
    expect(await refs().conversation('ws-refs', '19:general')).toEqual(channel);
    expect(await refs().personal('ws-other', 'aad-1')).toBeNull();
  });

  it('keeps a save that changes nothing unwritten, and writes a new service URL', async () => {
    await refs().save(personal);
    await refs().save({ ...personal, updatedAt: later });
    expect((await refs().personal('ws-refs', 'aad-1'))?.updatedAt).toEqual(T0);
    const moved = { ...personal, serviceUrl: 'https://smba.example/amer/', updatedAt: later };
    await refs().save(moved);
    expect(await refs().personal('ws-refs', 'aad-1')).toEqual(moved);
  });

  it('forgets a personal chat the member removed', async () => {
    await refs().save({ ...personal, userId: 'aad-2', conversationId: 'a:chat-2' });
    await refs().forgetPersonal('ws-refs', 'aad-2');
    expect(await refs().personal('ws-refs', 'aad-2')).toBeNull();
  });
});
