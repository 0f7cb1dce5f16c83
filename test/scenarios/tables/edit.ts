import type { Table } from '../scenario.js';

/** F7 edit: the author (or an admin) changes the text; someone else's member is refused before the form. */
export const edit: Table = {
  feature: 'edit',
  given: {
    contacts: ['Ann Lévy'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Discussed prices', by: 'alice' },
      { contact: 'Ann Lévy', type: 'Visit', description: 'Bob dropped by', by: 'bob' },
    ],
  },
  rows: [
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Bob dropped by', 'Discussed prices'] },
    ],
    [
      { step: 'edit', as: 'alice', item: 'Discussed prices', description: 'Agreed on the prices' },
      { expect: 'confirmed' },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Bob dropped by', 'Agreed on the prices'] },
    ],
    [
      { step: 'edit', as: 'alice', item: 'Bob dropped by', description: 'Bob dropped by with the forms' },
      { expect: 'confirmed' },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Bob dropped by with the forms', 'Agreed on the prices'] },
    ],
    [
      {
        step: 'edit',
        as: 'alice',
        item: 'Agreed on the prices',
        description: 'Moved to the future',
        at: { day: '2030-01-01', time: '10:00' },
      },
      { expect: 'refused', mentions: ["can't be in the future"] },
    ],
    [
      { step: 'timeline', as: 'bob', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Bob dropped by with the forms', 'Agreed on the prices'] },
    ],
  ],
};
