import type { Table } from '../scenario.js';

/** F14 on demand: totals of a period, by type and by author. */
export const report: Table = {
  feature: 'report',
  given: {
    contacts: ['Ann Lévy', 'Dan Cohen'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Called about the invoice', by: 'alice' },
      { contact: 'Dan Cohen', type: 'Visit', description: 'Visited the warehouse', by: 'bob' },
      { contact: 'Ann Lévy', type: 'Call', description: 'Called again', by: 'bob' },
    ],
  },
  rows: [
    [
      { step: 'command', as: 'alice', text: 'report this week' },
      {
        expect: 'csv',
        descriptions: ['Called about the invoice', 'Visited the warehouse', 'Called again'],
        mentions: ['Activity report', 'Call — 2', 'Visit — 1', 'Ann Lévy — 2'],
      },
    ],
    [
      { step: 'command', as: 'alice', text: 'report 2026-10-01..2026-10-07' },
      { expect: 'said', mentions: ['Activity report', 'None this period'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'report 2026-11-15..2026-11-01' },
      { expect: 'refused', mentions: ['The period ends before it starts.'] },
    ],
  ],
};
