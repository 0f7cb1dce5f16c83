import type { Table } from '../scenario.js';

/** F2: one event for many contacts: one record each, every contact keeps its own trace. */
export const logMany: Table = {
  feature: 'log many',
  given: { contacts: ['Ann Lévy', 'Dan Cohen', 'Eva Roth'] },
  rows: [
    [
      {
        step: 'log',
        as: 'alice',
        contacts: ['Ann Lévy', 'Dan Cohen', 'Eva Roth'],
        type: 'Meeting',
        description: 'Winter class',
      },
      { expect: 'confirmed', mentions: ['Logged', 'Meeting', 'Ann Lévy', 'Dan Cohen', 'Eva Roth'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Winter class'] },
    ],
    [
      { step: 'timeline', as: 'bob', contact: 'Eva Roth' },
      { expect: 'items', descriptions: ['Winter class'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list type:Meeting' },
      { expect: 'items', descriptions: ['Winter class', 'Winter class', 'Winter class'] },
    ],
  ],
};
