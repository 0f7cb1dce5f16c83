import { describe, expect, it } from 'vitest';
import { countBlockText, type RenderOptions } from '../../../../src/adapters/slack/blocks/block-kit.js';
import { DESCRIPTION_PREVIEW } from '../../../../src/adapters/slack/blocks/interaction-item-blocks.js';
import { LIMITS } from '../../../../src/adapters/slack/blocks/limits.js';
import { timelineToBlocks } from '../../../../src/adapters/slack/blocks/timeline-blocks.js';
import { ButtonValue, decodeValue } from '../../../../src/adapters/slack/payloads/action-values.js';
import type { Interaction } from '../../../../src/core/interactions/interaction.js';
import type { Actor } from '../../../../src/core/shared/actor.js';
import {
  presentContactTimeline,
  presentOrganisationTimeline,
} from '../../../../src/core/views/timeline-view.js';
import {
  author,
  buildContact,
  buildInteraction,
  buildInteractions,
  buildOrganisation,
  NOW,
  pageOf,
  viewer,
} from '../../../core/views/build.js';
import { collectIds, expectValidMessage, mrkdwnTexts } from './block-checks.js';

const OPTIONS: RenderOptions = { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm' };
const ID = 'i0000000000000000000000000000001';

function render(items: Interaction[], extra: { total?: number; nextCursor?: string; actor?: Actor } = {}) {
  const { actor = author, ...page } = extra;
  return timelineToBlocks(presentContactTimeline(buildContact(), pageOf(items, page), actor, NOW), OPTIONS);
}

function buttonsOf(blocks: unknown[]): { action_id: string; value?: string; text: { text: string } }[] {
  const last = blocks.at(-1) as {
    type: string;
    elements: { action_id: string; value?: string; text: { text: string } }[];
  };
  return last.type === 'actions' ? last.elements : [];
}

describe('timelineToBlocks', () => {
  it('renders a small timeline exactly', () => {
    const message = render([buildInteraction()]);
    expect(message).toEqual({
      text: 'Timeline of Yossi Lévy: 1 interaction',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Yossi Lévy · 1 interaction', emoji: true } },
        {
          type: 'section',
          block_id: `il.item:${ID}`,
          text: {
            type: 'mrkdwn',
            text: ':telephone_receiver: *Call*\n`To call back`\nDiscussed the winter distribution.',
            verbatim: true,
          },
          accessory: {
            type: 'overflow',
            action_id: `il.item.menu:${ID}`,
            options: [
              { text: { type: 'plain_text', text: 'Edit', emoji: true }, value: `{"a":"edit","i":"${ID}"}` },
              {
                text: { type: 'plain_text', text: 'Delete', emoji: true },
                value: `{"a":"delete","i":"${ID}"}`,
              },
              {
                text: { type: 'plain_text', text: 'Log follow-up', emoji: true },
                value: `{"a":"followup","i":"${ID}"}`,
              },
            ],
          },
        },
        {
          type: 'context',
          block_id: `il.item.meta:${ID}`,
          elements: [
            {
              type: 'mrkdwn',
              text: 'by <@U0AUTHOR> · <!date^1794321000^{date_short_pretty} at {time}|10/11/2026 15:30>',
              verbatim: true,
            },
          ],
        },
        {
          type: 'actions',
          block_id: 'il.timeline.actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Log interaction', emoji: true },
              action_id: 'il.timeline.log',
              value: '{"k":"contact","s":"c1"}',
              style: 'primary',
            },
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Export CSV', emoji: true },
              action_id: 'il.timeline.export',
              value: '{"k":"contact","s":"c1"}',
            },
          ],
        },
      ],
    });
    expectValidMessage(message.blocks);
  });

  it('shows follow-up, importance, files and the source link in the item line', () => {
    const message = render([
      buildInteraction({
        important: true,
        followUp: { dueAt: new Date('2026-11-20T08:00:00.000Z'), assigneeId: 'U0DANA', status: 'open' },
        attachments: [{ name: 'a.pdf', mimeType: 'application/pdf', size: 1, url: 'https://f/a' }],
        source: { kind: 'chat-message', link: 'https://acme.slack.com/archives/C1/p1' },
      }),
    ]);
    const texts = mrkdwnTexts(message.blocks).join('\n');
    expect(texts).toContain(':exclamation: *Important*');
    expect(texts).toContain(':alarm_clock: Follow-up <!date^');
    expect(texts).toContain('for <@U0DANA>');
    expect(texts).toContain(':paperclip: 1 file');
    expect(texts).toContain('<https://acme.slack.com/archives/C1/p1|original message>');
    expectValidMessage(message.blocks);
  });

  it('gives viewers no menu and no Log button, but keeps Export and paging', () => {
    const message = render([buildInteraction()], { actor: viewer, total: 30, nextCursor: 'older1' });
    expect(JSON.stringify(message.blocks)).not.toContain('overflow');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual([
      'il.timeline.export',
      'il.timeline.older',
    ]);
  });

  it('keeps a 60-item page within 50 blocks and the text budget, saying how many it shows', () => {
    const items = buildInteractions(60, {
      description: 'Met at the food bank; agreed to call back next week. '.repeat(5),
    });
    const message = render(items, { total: 60 });
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const shown = message.blocks.filter((block) => block.type === 'section').length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(60);
    expect(mrkdwnTexts(message.blocks)).toContain(`Showing ${shown} of 60 interactions`);
    expectValidMessage(message.blocks);
  });

  it('stops on the text budget when items are heavy, before Slack would say msg_blocks_too_long', () => {
    const actions = Array.from({ length: 20 }, (_, i) => `Action number ${i} with a long label`);
    const message = render(buildInteractions(60, { actions, description: 'd'.repeat(5000) }), { total: 60 });
    expect(countBlockText(message.blocks)).toBeLessThanOrEqual(LIMITS.messageTextBudget);
    expect(mrkdwnTexts(message.blocks).join('\n')).toMatch(/\+\d+ more/);
    expectValidMessage(message.blocks);
  });

  it('pages on from the last item shown when items had to be dropped, so none is skipped', () => {
    const items = buildInteractions(60);
    const view = presentContactTimeline(
      buildContact(),
      pageOf(items, { total: 200, nextCursor: 'page-end' }),
      author,
      NOW,
    );
    const message = timelineToBlocks(view, OPTIONS);
    const shown = message.blocks.filter((block) => block.type === 'section').length;
    const older = buttonsOf(message.blocks).find((b) => b.action_id === 'il.timeline.older');
    expect(decodeValue(ButtonValue.timeline, older?.value).c).toBe(view.items[shown - 1]?.cursor);
  });

  it('shortens a 5,000-character description with a Show more button', () => {
    const message = render([buildInteraction({ description: 'x'.repeat(5000) })]);
    const section = message.blocks[1] as { text: { text: string } };
    const preview = section.text.text.split('\n').at(-1) ?? '';
    expect(preview).toHaveLength(DESCRIPTION_PREVIEW);
    expect(preview.endsWith('…')).toBe(true);
    const more = message.blocks.find((block) => block.block_id === `il.item.more:${ID}`) as {
      elements: { action_id: string; value: string; text: { text: string } }[];
    };
    expect(more.elements[0]).toMatchObject({ action_id: `il.item.more:${ID}`, text: { text: 'Show more' } });
    expect(decodeValue(ButtonValue.interaction, more.elements[0]?.value)).toEqual({ i: ID });
    expectValidMessage(message.blocks);
  });

  it('escapes user text everywhere and builds mentions only from ids', () => {
    const evil = '<!channel> <https://evil|click> & <@U0BOSS>';
    const message = timelineToBlocks(
      presentContactTimeline(
        buildContact({ firstName: '<!here>', lastName: '& Co' }),
        pageOf([
          buildInteraction({
            type: '<!everyone>',
            actions: [evil, 'tick`s'],
            description: evil,
            authorId: 'cli-import',
            authorName: '<!channel>',
            source: { kind: 'chat-message', link: 'https://evil.example/x|click>' },
          }),
        ]),
        author,
        NOW,
      ),
      OPTIONS,
    );
    const texts = mrkdwnTexts(message.blocks).join('\n');
    expect(texts).toContain('&lt;!channel&gt; &lt;https://evil|click&gt; &amp; &lt;@U0BOSS&gt;');
    expect(texts).toContain('*&lt;!everyone&gt;*');
    expect(texts).toContain('by &lt;!channel&gt;');
    expect(texts).not.toContain('evil.example');
    expect(message.text).toBe('Timeline of &lt;!here&gt; &amp; Co: 1 interaction');
    // plain_text is never parsed, so the header shows the name as typed.
    expect(message.blocks[0]).toMatchObject({
      text: { type: 'plain_text', text: '<!here> & Co · 1 interaction' },
    });
    expectValidMessage(message.blocks);
  });

  it('keeps the header within 150 characters and the count visible', () => {
    const message = render([buildInteraction()]);
    const long = timelineToBlocks(
      presentContactTimeline(
        buildContact({ firstName: 'A'.repeat(300) }),
        pageOf([buildInteraction()], { total: 1234 }),
        author,
        NOW,
      ),
      OPTIONS,
    );
    const headerText = (long.blocks[0] as { text: { text: string } }).text.text;
    expect(headerText.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(headerText.endsWith('… · 1,234 interactions')).toBe(true);
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
  });

  it('gives every block and action a unique id within 255 characters', () => {
    const message = render(buildInteractions(20, { description: 'y'.repeat(400) }), { total: 20 });
    const { blockIds, actionIds } = collectIds(message.blocks);
    expect(new Set(blockIds).size).toBe(blockIds.length);
    expect(new Set(actionIds).size).toBe(actionIds.length);
    expect([...blockIds, ...actionIds].every((id) => id.length <= 255)).toBe(true);
    expectValidMessage(message.blocks);
  });

  it('says so when a contact has no interactions yet', () => {
    const message = render([], { total: 0 });
    expect(JSON.stringify(message.blocks)).toContain('No interactions logged yet.');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual(['il.timeline.log']);
    expectValidMessage(message.blocks);
  });

  it('names the contact of each item on an organisation timeline', () => {
    const message = timelineToBlocks(
      presentOrganisationTimeline(buildOrganisation(), pageOf([buildInteraction()]), author, NOW),
      OPTIONS,
    );
    expect(mrkdwnTexts(message.blocks).join('\n')).toContain('*Call* · *Yossi Lévy*');
    expect(buttonsOf(message.blocks)[0]?.value).toBe('{"k":"organisation","s":"o1"}');
    expectValidMessage(message.blocks);
  });
});
