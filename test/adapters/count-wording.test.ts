import { describe, expect, it } from 'vitest';
import type { RenderOptions } from '../../src/adapters/slack/blocks/block-kit.js';
import { listToBlocks } from '../../src/adapters/slack/blocks/list-blocks.js';
import { exportCard } from '../../src/adapters/teams/cards/export-card.js';
import { listCard } from '../../src/adapters/teams/cards/result-cards.js';
import { TEXT_COUNT_LIMIT } from '../../src/core/interactions/count-limit.js';
import { countPhrase } from '../../src/core/views/count-phrase.js';
import { presentList } from '../../src/core/views/list-view.js';
import { buildInteraction, NOW, pageOf, viewer } from '../core/views/build.js';
import { cardText } from '../teams/support/cards.js';
import { mrkdwnTexts } from './slack/blocks/block-checks.js';

const OPTIONS: RenderOptions = { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm' };

/** A list whose text search stopped counting (readPage: more than TEXT_COUNT_LIMIT match). */
const stopped = presentList(
  pageOf([buildInteraction()], { total: TEXT_COUNT_LIMIT, moreThanTotal: true, nextCursor: 'n1' }),
  { filter: { text: 'family' }, sort: 'date' },
  viewer,
  NOW,
  { timeZone: 'Europe/Paris' },
);

describe('a count that stopped, in words on every surface', () => {
  it('is worded once in the core', () => {
    expect(countPhrase(1_000, true, 'result')).toBe('more than 1,000 results');
    expect(countPhrase(1_000, false, 'result')).toBe('1,000 results');
    expect(countPhrase(1, false, 'row')).toBe('1 row');
  });

  it('Slack list: header, fallback text and the "showing" note say more than 1,000', () => {
    const message = listToBlocks(stopped, OPTIONS);
    expect(JSON.stringify(message.blocks[0])).toContain('Interactions · more than 1,000 results');
    expect(message.text).toBe('Interactions: more than 1,000 results');
    expect(mrkdwnTexts(message.blocks).join('\n')).toContain('Showing 1 of more than 1,000 interactions');
  });

  it('Teams list card and export card say more than 1,000', () => {
    const card = listCard(stopped, { ...OPTIONS, viewerId: viewer.userId });
    expect(cardText(card)).toContain('More than 1,000 interactions · Filters:');
    const exported = exportCard({
      rows: TEXT_COUNT_LIMIT,
      moreRows: true,
      filename: 'interactions.csv',
      chips: [],
      requestedBy: 'Vic',
      url: 'https://example.test/x',
      expiresAt: 'tomorrow',
    });
    expect(cardText(exported)).toContain('CSV export of more than 1,000 interactions');
  });
});
