import { describe, expect, it } from 'vitest';
import { followUpReminderBlocks } from '../../../../src/adapters/slack/blocks/follow-up-blocks.js';
import { ButtonValue, decodeValue } from '../../../../src/adapters/slack/payloads/action-values.js';
import { presentReminder } from '../../../../src/core/views/follow-up-view.js';
import { buildInteraction, NOW } from '../../../core/views/build.js';
import { collectIds, expectValidMessage, mrkdwnTexts } from './block-checks.js';

const OPTIONS = { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm' };
const followUp = {
  dueAt: new Date('2026-11-12T08:00:00.000Z'),
  assigneeId: 'U0AUTHOR',
  status: 'open' as const,
};

describe('followUpReminderBlocks', () => {
  it('names the contact, what was agreed, who logged it and when, with every button', () => {
    const interaction = { ...buildInteraction({ contactName: 'Yossi <Lévy>' }), followUp };
    const message = followUpReminderBlocks(presentReminder(interaction, NOW, { late: true }), OPTIONS);
    const texts = mrkdwnTexts(message.blocks);
    expect(texts[0]).toBe(
      ':alarm_clock: *Follow-up: Yossi &lt;Lévy&gt;*\n:warning: *Overdue* since <!date^1794470400^{date_short_pretty} at {time}|12/11/2026 09:00> _(reminder sent late)_',
    );
    expect(texts[1]).toBe('Discussed the winter distribution.');
    expect(texts[2]).toBe(
      ':telephone_receiver: Call · logged by <@U0AUTHOR> · <!date^1794321000^{date_short_pretty} at {time}|10/11/2026 15:30> · `To call back`',
    );
    const buttons = (
      message.blocks.at(-1) as { elements: { text: { text: string }; action_id: string; value: string }[] }
    ).elements;
    expect(buttons.map((b) => b.text.text)).toEqual([
      'Done',
      'Snooze 1 hour',
      'Tomorrow',
      'Next week',
      'Log the follow-up',
      'Open the timeline',
      'Add to calendar',
    ]);
    expect(decodeValue(ButtonValue.followUp, buttons[0]?.value)).toEqual({ i: interaction.id, c: 'c1' });
    expect(decodeValue(ButtonValue.snooze, buttons[3]?.value)).toEqual({ i: interaction.id, p: 'nextWeek' });
    expect(message.text).toBe('Follow-up reminder: Yossi &lt;Lévy&gt;');
    expect(new Set(collectIds(message.blocks).actionIds).size).toBe(7);
    expectValidMessage(message.blocks);
  });

  it('escapes an injected summary and bounds a very long one', () => {
    const interaction = { ...buildInteraction({ description: `<!channel> ${'x'.repeat(9000)}` }), followUp };
    const message = followUpReminderBlocks(presentReminder(interaction, NOW), OPTIONS);
    const summary = mrkdwnTexts(message.blocks)[1] ?? '';
    expect(summary.startsWith('&lt;!channel&gt; ')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(2000);
    expect(mrkdwnTexts(message.blocks)[0]).not.toContain('late');
    expectValidMessage(message.blocks);
  });
});
