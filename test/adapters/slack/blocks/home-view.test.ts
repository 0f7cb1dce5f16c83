import { describe, expect, it } from 'vitest';
import type { RenderOptions } from '../../../../src/adapters/slack/blocks/block-kit.js';
import { homeToView } from '../../../../src/adapters/slack/blocks/home-view.js';
import { ButtonValue, decodeValue } from '../../../../src/adapters/slack/payloads/action-values.js';
import type { Interaction } from '../../../../src/core/interactions/interaction.js';
import { presentHome } from '../../../../src/core/views/home-view.js';
import { author, buildInteraction, buildInteractions, NOW, viewer } from '../../../core/views/build.js';
import { collectIds, expectValidHome, mrkdwnTexts } from './block-checks.js';

const OPTIONS: RenderOptions = { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm' };

function followUps(count: number, dueAt: string): Interaction[] {
  return buildInteractions(count).map((interaction) => ({
    ...interaction,
    followUp: { dueAt: new Date(dueAt), assigneeId: 'U0AUTHOR', status: 'open' as const },
  }));
}

describe('homeToView', () => {
  it('shows quick actions, overdue and upcoming follow-ups with Done/Snooze/Open, and recent items', () => {
    const overdue = followUps(1, '2026-11-11T08:00:00.000Z');
    const upcoming = followUps(2, '2026-11-20T08:00:00.000Z').map((i) => ({
      ...i,
      id: `${i.id.slice(0, -1)}9`,
    }));
    const view = homeToView(
      presentHome(
        author,
        { followUps: [...overdue, ...upcoming.slice(0, 1)], recent: [buildInteraction()] },
        NOW,
      ),
      OPTIONS,
    );
    expect(view.type).toBe('home');
    const texts = mrkdwnTexts(view.blocks).join('\n');
    expect(texts).toContain(':warning: *Overdue* (1)');
    expect(texts).toContain(':alarm_clock: *Coming up* (1)');
    const { actionIds } = collectIds(view.blocks);
    expect(actionIds).toContain('il.log.open');
    expect(actionIds).toContain('il.home.search');
    expect(actionIds.filter((id) => id.startsWith('il.followup.done:'))).toHaveLength(2);
    expect(actionIds.filter((id) => id.startsWith('il.followup.snooze:'))).toHaveLength(2);
    const select = JSON.stringify(view.blocks).match(
      /"value":"(\{\\"i\\":[^}]*\\"p\\":\\"nextWeek\\"\})"/,
    )?.[1];
    expect(decodeValue(ButtonValue.snooze, JSON.parse(`"${select}"`))).toMatchObject({ p: 'nextWeek' });
    expectValidHome(view);
  });

  it('stays within 100 blocks with many follow-ups and recent interactions', () => {
    const view = homeToView(
      presentHome(
        author,
        {
          followUps: followUps(40, '2026-11-01T08:00:00.000Z'),
          recent: buildInteractions(60, { description: 'z'.repeat(4000) }),
        },
        NOW,
      ),
      OPTIONS,
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(mrkdwnTexts(view.blocks).join('\n')).toContain('30 more: `/interaction followups`');
    expectValidHome(view);
  });

  it('says when there is nothing to follow up or show, and hides Log from viewers', () => {
    const view = homeToView(presentHome(viewer, { followUps: [], recent: [] }, NOW), OPTIONS);
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('No open follow-ups.');
    expect(all).toContain("You haven't logged any interaction yet.");
    expect(collectIds(view.blocks).actionIds).toEqual(['il.home.search']);
    expectValidHome(view);
  });
});
