import { describe, expect, it } from 'vitest';
import { summarizeFilter } from '../../../src/core/views/filter-summary.js';

describe('summarizeFilter', () => {
  it('has no chips for an empty filter', () => {
    expect(summarizeFilter({}, { timeZone: 'UTC' })).toEqual([]);
  });

  it('turns every filter into a chip, in a stable order, with names resolved', () => {
    const chips = summarizeFilter(
      {
        text: 'coat',
        followUp: 'overdue',
        hasAttachments: true,
        importantOnly: true,
        organisationId: 'o1',
        contactText: 'levy',
        contactIds: ['c1', 'c2'],
        authorIds: ['U0ANN', 'U0GONE'],
        actions: ['To call back'],
        types: ['Call', 'Visit'],
        // [2026-11-01, 2026-11-16) in Paris: the user typed to:2026-11-15.
        from: new Date('2026-10-31T23:00:00.000Z'),
        to: new Date('2026-11-15T23:00:00.000Z'),
      },
      {
        timeZone: 'Europe/Paris',
        userName: (id) => (id === 'U0ANN' ? 'Ann' : undefined),
        contactName: (id) => (id === 'c1' ? 'Yossi Lévy' : undefined),
        organisationName: () => 'Acme',
      },
    );
    expect(chips).toEqual([
      { key: 'from', label: 'From', value: '2026-11-01' },
      { key: 'to', label: 'To', value: '2026-11-15' },
      { key: 'types', label: 'Type', value: 'Call, Visit' },
      { key: 'actions', label: 'Action', value: 'To call back' },
      { key: 'authors', label: 'By', value: 'Ann, U0GONE', userIds: ['U0ANN', 'U0GONE'] },
      { key: 'contacts', label: 'Contact', value: 'Yossi Lévy, c2' },
      { key: 'contactText', label: 'Contact', value: 'levy' },
      { key: 'organisation', label: 'Organisation', value: 'Acme' },
      { key: 'important', label: 'Importance', value: 'important only' },
      { key: 'attachments', label: 'Files', value: 'with files' },
      { key: 'followUp', label: 'Follow-up', value: 'overdue' },
      { key: 'text', label: 'Text', value: 'coat' },
    ]);
  });
});
