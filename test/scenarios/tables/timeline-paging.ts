import type { Table } from '../scenario.js';

const notes = Array.from({ length: 12 }, (_, index) => `Weekly note ${String(index + 1).padStart(2, '0')}`);

/** F8: newest first, paged with Older / Newer, with the total count. */
export const timelinePaging: Table = {
  feature: 'timeline paging',
  given: {
    contacts: ['Ann Lévy'],
    interactions: notes.map((description) => ({ contact: 'Ann Lévy', type: 'Note', description })),
  },
  rows: [
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: notes.slice(2).reverse(), mentions: ['12 interactions'] },
    ],
    [
      { step: 'older', as: 'alice' },
      { expect: 'items', descriptions: notes.slice(0, 2).reverse() },
    ],
    [
      { step: 'newer', as: 'alice' },
      { expect: 'items', descriptions: notes.slice(2).reverse() },
    ],
  ],
};
