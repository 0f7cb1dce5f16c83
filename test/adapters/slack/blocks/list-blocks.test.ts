import { describe, expect, it } from 'vitest';
import type { RenderOptions } from '../../../../src/adapters/slack/blocks/block-kit.js';
import { chipText, listToBlocks } from '../../../../src/adapters/slack/blocks/list-blocks.js';
import {
  ButtonValue,
  decodeValue,
  filterFromValue,
} from '../../../../src/adapters/slack/payloads/action-values.js';
import type { InteractionFilter } from '../../../../src/core/interactions/interaction-filter.js';
import { presentList } from '../../../../src/core/views/list-view.js';
import {
  author,
  buildInteraction,
  buildInteractions,
  NOW,
  pageOf,
  viewer,
} from '../../../core/views/build.js';
import { expectValidMessage, mrkdwnTexts } from './block-checks.js';

const OPTIONS: RenderOptions = { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm' };

function buttons(blocks: unknown[]): { action_id: string; value?: string }[] {
  const last = blocks.at(-1) as { type: string; elements: { action_id: string; value?: string }[] };
  return last.type === 'actions' ? last.elements : [];
}

describe('listToBlocks', () => {
  const filter: InteractionFilter = {
    types: ['Call'],
    authorIds: ['U0ANN'],
    from: new Date('2026-10-31T23:00:00.000Z'),
    text: '<!channel> & co',
  };

  it('summarises the filters, counts, names each contact and carries the query on its buttons', () => {
    const view = presentList(
      pageOf([buildInteraction()], { total: 42, nextCursor: 'n1', prevCursor: 'p1' }),
      { filter, sort: 'type' },
      author,
      NOW,
      { timeZone: 'Europe/Paris' },
    );
    const message = listToBlocks(view, OPTIONS);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Interactions · 42 results' } });
    const texts = mrkdwnTexts(message.blocks);
    expect(texts[0]).toBe(
      'Filters: *From:* 2026-11-01  ·  *Type:* Call  ·  *By:* <@U0ANN>  ·  *Text:* &lt;!channel&gt; &amp; co',
    );
    expect(texts.join('\n')).toContain('*Call* · *Yossi Lévy*');
    expect(texts).toContain('Showing 1 of 42 interactions');
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([
      'il.log.open',
      'il.list.export',
      'il.list.refine',
      'il.list.newer',
      'il.list.older',
    ]);
    const older = decodeValue(ButtonValue.list, buttons(message.blocks).at(-1)?.value);
    expect(older).toMatchObject({ s: 'type', c: 'n1' });
    expect(filterFromValue(older.f)).toEqual(filter);
    expectValidMessage(message.blocks);
  });

  it('says there are no filters, and hides Log from viewers and Export when nothing matches', () => {
    const view = presentList(pageOf([], { total: 0 }), { filter: {}, sort: 'date' }, viewer, NOW, {
      timeZone: 'UTC',
    });
    const message = listToBlocks(view, OPTIONS);
    expect(mrkdwnTexts(message.blocks)[0]).toBe('No filters: every interaction of the workspace');
    expect(JSON.stringify(message.blocks)).toContain('Nothing matches these filters.');
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual(['il.list.refine']);
    expectValidMessage(message.blocks);
  });

  it('leaves query buttons out and explains when the filter is too long for a button value', () => {
    const contactIds = Array.from({ length: 50 }, (_, i) => `c${i}`.padEnd(60, 'x'));
    const view = presentList(
      pageOf(buildInteractions(3), { total: 3 }),
      { filter: { contactIds }, sort: 'date' },
      author,
      NOW,
      {
        timeZone: 'UTC',
      },
    );
    const message = listToBlocks(view, OPTIONS);
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual(['il.log.open']);
    expect(mrkdwnTexts(message.blocks).join('\n')).toContain('too long for buttons');
    expectValidMessage(message.blocks);
  });

  it('keeps 60 results within 50 blocks', () => {
    const view = presentList(
      pageOf(buildInteractions(60), { total: 500 }),
      { filter: {}, sort: 'date' },
      author,
      NOW,
      {
        timeZone: 'UTC',
      },
    );
    expectValidMessage(listToBlocks(view, OPTIONS).blocks);
  });
});

describe('chipText', () => {
  it('renders author chips as mentions built from ids, never from names', () => {
    expect(
      chipText({ key: 'authors', label: 'By', value: '<!channel>', userIds: ['U0ANN', 'not-slack'] }),
    ).toBe('*By:* <@U0ANN>, not-slack');
  });
});
