import type { Table } from '../scenario.js';

/** F7 delete: after a confirmation the record is gone from every view. */
export const deleteTable: Table = {
  feature: 'delete',
  given: {
    contacts: ['Ann Lévy'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Keep this one' },
      { contact: 'Ann Lévy', type: 'Note', description: 'Logged by mistake' },
    ],
  },
  rows: [
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Logged by mistake', 'Keep this one'] },
    ],
    [
      { step: 'delete', as: 'alice', item: 'Logged by mistake' },
      { expect: 'confirmed', mentions: ['Deleted', 'Note', 'Ann Lévy'], absent: ['Logged by mistake'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Keep this one'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list from:2026-01-01' },
      { expect: 'items', descriptions: ['Keep this one'] },
    ],
  ],
};
