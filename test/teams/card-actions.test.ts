import { describe, expect, it } from 'vitest';
import { ExportAbandonedError } from '../../src/core/exports/export.service.js';
import { action, cardActions, cardOf, cardText, expectValidCard, invokeCard } from './support/cards.js';
import { addContact, logCall, seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';

/** Action.Execute as Teams sends it: an adaptiveCard/action invoke with the button's verb and data. */
const execute = (button: { verb?: string; data: Record<string, unknown> }) => ({
  action: { type: 'Action.Execute', verb: button.verb, data: button.data },
  trigger: 'manual',
});

describe('Teams card actions (Action.Execute, refreshed in place)', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let annId: string;

  const timelineCard = async (user: 'alice' | 'bob' = 'alice') => {
    await t.message('timeline ann', { user });
    return cardOf(t.connector.messages(personalChat(user)).at(-1));
  };

  it('pages older and newer in place', async () => {
    world = await seedTenant(t.container);
    const ann = await addContact(t.container, world.actors.alice, 'Ann', 'Lévy');
    annId = ann.id;
    for (let i = 1; i <= 13; i++) {
      t.clock.advance(60_000);
      await logCall(t.container, world.actors.alice, [ann.id], `note ${i}`, `page-${i}`);
    }
    const first = await timelineCard();
    const older = await t.invoke('adaptiveCard/action', execute(action(first, 'Older ▶')));
    expect(older.status).toBe(200);
    const page2 = invokeCard(older.body);
    expectValidCard(page2);
    expect(cardText(page2)).toContain('note 3');
    expect(cardText(page2)).not.toContain('note 13');
    const newer = invokeCard((await t.invoke('adaptiveCard/action', execute(action(page2, '◀ Newer')))).body);
    expect(cardText(newer)).toContain('note 13');
  });

  it('asks before deleting, and deletes only once confirmed', async () => {
    const card = await timelineCard();
    const asked = invokeCard((await t.invoke('adaptiveCard/action', execute(action(card, 'Delete')))).body);
    expectValidCard(asked);
    expect(cardText(asked)).toContain('This cannot be undone');
    const cancelled = invokeCard(
      (await t.invoke('adaptiveCard/action', execute(action(asked, 'Cancel')))).body,
    );
    expect(cardText(cancelled)).not.toContain('This cannot be undone');
    let page = await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId });
    expect(page.total).toBe(13);

    const confirm = cardActions(asked).find((button) => button.verb === 'item.delete.confirm');
    expect(confirm?.title).toBe('Delete');
    const confirmed = invokeCard(
      (await t.invoke('adaptiveCard/action', execute({ verb: confirm?.verb, data: confirm?.data ?? {} })))
        .body,
    );
    expect(cardText(confirmed)).toContain('12 interactions');
    page = await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId });
    expect(page.total).toBe(12);
  });

  it('refuses a delete by someone who is not the author, without writing', async () => {
    const card = await timelineCard();
    const button = action(card, 'Delete');
    const response = await t.invoke(
      'adaptiveCard/action',
      execute({ verb: 'item.delete.confirm', data: button.data }),
      { user: 'bob' },
    );
    const body = response.body as { type: string; value: string };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toMatch(/Only the author or a workspace admin/);
    const page = await t.container.interactions.contactTimeline(world.actors.alice, { contactId: annId });
    expect(page.total).toBe(12);
  });

  it('answers a tampered or outdated button with a friendly message', async () => {
    const response = await t.invoke(
      'adaptiveCard/action',
      execute({ verb: 'timeline.page', data: { ctx: { v: 'nope' } } }),
    );
    expect((response.body as { value: string }).value).toMatch(/out of date/);
  });

  it('exports a list as a signed CSV link that downloads the same rows', async () => {
    await t.message('list from:2000-01-01');
    const list = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    const answer = await t.invoke('adaptiveCard/action', execute(action(list, 'Export CSV')));
    expect((answer.body as { value: string }).value).toMatch(/Export posted/);
    const exportCard = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    expectValidCard(exportCard);
    expect(cardText(exportCard)).toContain('CSV export of 12 interactions');
    const url = (action(exportCard, 'Download CSV') as unknown as { url: string }).url;
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const csv = await download.text();
    expect(csv.trim().split('\n')).toHaveLength(13);
    const forged = await fetch(`${url.slice(0, -3)}abc`);
    expect(forged.status).toBe(404);
  });

  it('says until when an export link works on the reader’s own clock, naming the zone only when it is not theirs', async () => {
    // The link lasts 24 hours from now (16 Nov, a little after 09:00 UTC). Bob writes from New York; the workspace is on UTC.
    await t.message('export', { user: 'bob', extra: { localTimezone: 'America/New_York' } });
    const bobs = cardText(cardOf(t.connector.messages(personalChat('bob')).at(-1)));
    expect(bobs).toMatch(/download the file until 17\/11\/2026 04:\d\d\./);
    // Teams told us nothing of Alice's zone: the workspace's clock, named.
    await t.message('export');
    const alices = cardText(cardOf(t.connector.messages(personalChat('alice')).at(-1)));
    expect(alices).toMatch(/download the file until 17\/11\/2026 09:\d\d \(UTC\)\./);
  });

  it('ends the export on the server when a download is cancelled half-way', async () => {
    await t.message('list from:2000-01-01');
    const list = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    await t.invoke('adaptiveCard/action', execute(action(list, 'Export CSV')));
    const exportCard = cardOf(t.connector.messages(personalChat('alice')).at(-1));
    const url = (action(exportCard, 'Download CSV') as unknown as { url: string }).url;

    // The real export, held after its first piece so the download is still running when the
    // person cancels it; the test learns when the server closes it.
    const { exports } = t.container;
    const realExport = exports.exportInteractions;
    let exportDone: Promise<number> | undefined;
    let closed!: () => void;
    const serverClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    exports.exportInteractions = async (actor, input) => {
      const result = await realExport(actor, input);
      exportDone = result.done;
      return { ...result, stream: heldAfterFirstPiece(result.stream, closed) };
    };
    const cancel = new AbortController();
    try {
      const download = await fetch(url, { signal: cancel.signal });
      expect(download.status).toBe(200);
      const reader = download.body?.getReader();
      const first = await reader?.read();
      expect(new TextDecoder().decode(first?.value)).toContain('Contact name');
      cancel.abort();

      await serverClosed;
      await expect(exportDone).rejects.toThrow(ExportAbandonedError);
    } finally {
      cancel.abort();
      exports.exportInteractions = realExport;
    }
  });
});

/**
 * `stream`'s first piece, then a wait that only closing ends: the download stays open until
 * the server side gives up on it, and `onClose` says when it did (and the export was closed).
 */
function heldAfterFirstPiece(
  stream: AsyncIterable<string | Buffer>,
  onClose: () => void,
): AsyncIterable<string | Buffer> {
  const source = stream[Symbol.asyncIterator]();
  let served = false;
  const close = async (): Promise<IteratorResult<string | Buffer>> => {
    await source.return?.();
    onClose();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (served) return new Promise<IteratorResult<string | Buffer>>(() => {});
        served = true;
        return source.next();
      },
      return: close,
      throw: close,
    }),
  };
}
