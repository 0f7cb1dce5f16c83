import type { Table } from '../scenario.js';

/** F15: every matching interaction as CSV (Slack: a file in the channel; Teams: a signed link). */
export const exportTable: Table = {
  feature: 'export',
  given: {
    contacts: ['Ann Lévy', 'Dan Cohen'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Called about the invoice' },
      { contact: 'Dan Cohen', type: 'Visit', description: 'Visited the warehouse' },
      { contact: 'Ann Lévy', type: 'Call', description: 'Called again' },
    ],
  },
  rows: [
    [
      { step: 'command', as: 'alice', text: 'export type:Call' },
      {
        expect: 'csv',
        descriptions: ['Called about the invoice', 'Called again'],
        mentions: ['CSV export of 2 interactions'],
      },
    ],
    [
      { step: 'command', as: 'bob', text: 'export' },
      {
        expect: 'csv',
        descriptions: ['Called about the invoice', 'Visited the warehouse', 'Called again'],
      },
    ],
    [
      { step: 'command', as: 'alice', text: 'export type:Meeting' },
      { expect: 'said', mentions: ['Nothing matches'] },
    ],
  ],
};
