import { describe, expect, it } from 'vitest';
import { delta, REPORT_TOP_N, reportBlocks } from '../../../src/adapters/slack/blocks/report-blocks.js';
import { REPORT_LIMITS } from '../../../src/core/reports/report.js';
import { validateMessageBlocks } from '../fake-slack/index.js';
import { report } from './support.js';

const options = { timeZone: 'Europe/Paris', dateFormat: 'dd/MM/yyyy HH:mm', late: false, onDemand: false };
const long = (prefix: string, i: number) => `${prefix} ${i} ${'x'.repeat(200)}`;

describe('report blocks', () => {
  it('shows totals against the previous period and each list with its change', () => {
    const message = reportBlocks(
      report(
        {
          interactions: 12,
          byType: [
            { key: 'Visit', count: 7 },
            { key: 'Call', count: 5 },
          ],
          byAction: [{ key: 'Discussion', count: 4 }],
          byAuthor: [
            {
              authorId: 'U1',
              name: 'Alice',
              count: 8,
              contacts: [
                { contactId: 'c1', name: 'Élise', count: 5 },
                { contactId: 'c2', name: 'Jean', count: 2 },
                { contactId: 'c3', name: 'Zoé', count: 1 },
                { contactId: 'c4', name: 'Paul', count: 1 },
              ],
            },
          ],
          mostContacted: [{ contactId: 'c1', name: 'Élise', count: 5 }],
          newContacts: 2,
          followUpsDone: 3,
          followUpsOverdue: 1,
        },
        { interactions: 15, byType: [{ key: 'Visit', count: 7 }], newContacts: 2 },
      ),
      options,
    );
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*Interactions:* 12 (▼ 3 vs 15)');
    expect(text).toContain('*New contacts:* 2 (= vs 2)');
    expect(text).toContain('• Visit — 7 (=)');
    expect(text).toContain('• Call — 5 (▲ 5)');
    expect(text).toContain('• Alice — 8 (▲ 8): Élise (5), Jean (2), Zoé (1) +1');
    expect(message.text).toBe('Weekly report for 19–25 Oct 2026: 12 interactions');
    expect(validateMessageBlocks(message.blocks)).toEqual({ ok: true });
  });

  it('stays within Block Kit limits however large the lists, saying how many more there are', () => {
    const many = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ key: long(prefix, i), count: n - i }));
    const contacts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ contactId: `c${i}`, name: long('Contact', i), count: n - i }));
    const message = reportBlocks(
      report({
        interactions: 1_000_000,
        byType: many('Type', REPORT_LIMITS.types),
        byAction: many('Action', 22),
        byAuthor: Array.from({ length: REPORT_LIMITS.authors }, (_, i) => ({
          authorId: `U${i}`,
          name: long('Author', i),
          count: 100 - i,
          contacts: contacts(REPORT_LIMITS.contactsPerAuthor),
        })),
        mostContacted: contacts(REPORT_LIMITS.mostContacted),
      }),
      { ...options, late: true, onDemand: true },
    );
    expect(validateMessageBlocks(message.blocks)).toEqual({ ok: true });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`…and ${REPORT_LIMITS.types - REPORT_TOP_N}+ more`);
    expect(text).toContain(`…and ${22 - REPORT_TOP_N} more`);
    expect(text).toContain('Posted late');
    expect(text).toContain('Activity report');
  });

  it('escapes names so a type cannot mention @channel or break the layout', () => {
    const message = reportBlocks(report({ byType: [{ key: '<!channel> *bold*', count: 1 }] }), options);
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt;');
  });

  it('writes changes as up, down or equal', () => {
    expect([delta(5, 3), delta(3, 5), delta(2, 2)]).toEqual(['▲ 2', '▼ 2', '=']);
  });
});
