import type { Table } from '../scenario.js';

/** F10: the workspace-wide list, filtered by the shared command grammar. */
export const listFilters: Table = {
  feature: 'list filters',
  given: {
    contacts: ['Ann Lévy', 'Dan Cohen'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Called about the invoice', by: 'alice' },
      { contact: 'Dan Cohen', type: 'Visit', description: 'Visited the warehouse', by: 'bob' },
      { contact: 'Ann Lévy', type: 'Note', description: 'Prefers mornings', by: 'bob' },
    ],
  },
  rows: [
    [
      { step: 'command', as: 'alice', text: 'list' },
      { expect: 'form', mentions: ['Filter interactions'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list from:2026-01-01' },
      {
        expect: 'items',
        descriptions: ['Prefers mornings', 'Visited the warehouse', 'Called about the invoice'],
      },
    ],
    [
      { step: 'command', as: 'alice', text: 'list type:Call' },
      { expect: 'items', descriptions: ['Called about the invoice'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list contact:"Ann Lévy"' },
      { expect: 'items', descriptions: ['Prefers mornings', 'Called about the invoice'] },
    ],
    [
      { step: 'command', as: 'bob', text: 'list by:me' },
      { expect: 'items', descriptions: ['Prefers mornings', 'Visited the warehouse'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list warehouse' },
      { expect: 'items', descriptions: ['Visited the warehouse'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list type:Meeting' },
      { expect: 'items', descriptions: [], mentions: ['Nothing matches these filters.'] },
    ],
  ],
};
