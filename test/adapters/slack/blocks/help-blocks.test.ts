import { describe, expect, it } from 'vitest';
import { commandErrorBlocks, helpBlocks } from '../../../../src/adapters/slack/blocks/help-blocks.js';
import { CommandSyntaxError, parseCommand } from '../../../../src/core/commands/command-grammar.js';
import { COMMAND_HELP } from '../../../../src/core/commands/command-help.js';
import { expectValidMessage, mrkdwnTexts } from './block-checks.js';

describe('helpBlocks', () => {
  it('lists every command with the grammar escaped', () => {
    const message = helpBlocks();
    const texts = mrkdwnTexts(message.blocks).join('\n');
    for (const entry of COMMAND_HELP) expect(texts).toContain(entry.description);
    expect(texts).toContain('`/interaction timeline &lt;contact&gt;`');
    expect(texts).toContain('followup:open|overdue|done|none');
    expectValidMessage(message.blocks);
  });
});

describe('commandErrorBlocks', () => {
  it('names the bad part, shows what works and escapes what the user typed', () => {
    let error: unknown;
    try {
      parseCommand('list followup:<!channel>');
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof CommandSyntaxError)) throw new Error('expected a syntax error');
    const message = commandErrorBlocks(error);
    const texts = mrkdwnTexts(message.blocks);
    expect(texts[0]).toContain('Problem: `followup:&lt;!channel&gt;`');
    expect(texts[0]).toContain('Try: `followup:open, followup:overdue, followup:done or followup:none`');
    expect(texts.join('\n')).not.toContain('<!channel>');
    expectValidMessage(message.blocks);
  });
});
